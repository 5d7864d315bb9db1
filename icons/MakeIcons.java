import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;

/** Draws the VIP Lab icon (two database hosts and the floating VIP) at every size: java icons/MakeIcons.java */
public class MakeIcons {
    public static void main(String[] args) throws Exception {
        for (int size : new int[]{16, 24, 32, 48, 64, 128, 256, 512}) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            double s = size / 512.0;
            g.scale(s, s);
            g.setPaint(new GradientPaint(0, 0, new Color(0x1f3b73), 0, 512, new Color(0x0e1e3d)));
            g.fill(new RoundRectangle2D.Double(16, 16, 480, 480, 96, 96));
            // two hosts
            for (int i = 0; i < 2; i++) {
                int x = 72 + i * 208;
                g.setColor(new Color(0xdfe7f5));
                g.fill(new RoundRectangle2D.Double(x, 270, 160, 170, 24, 24));
                g.setColor(new Color(0x1f3b73));
                for (int r = 0; r < 3; r++) g.fillRect(x + 24, 300 + r * 44, 112, 14);
                g.setColor(i == 0 ? new Color(0x2ecc71) : new Color(0x95a5a6));
                g.fillOval(x + 116, 296 + 88, 22, 22);
            }
            // the VIP floating above db1, with its path to db2
            g.setColor(new Color(0xf5b041));
            g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[]{30, 30}, 0));
            g.drawArc(152, 120, 208, 200, 20, 140);
            g.setStroke(new BasicStroke(1));
            g.fillOval(92, 96, 120, 120);
            if (size >= 32) {
                g.setColor(new Color(0x0e1e3d));
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 46));
                g.drawString("VIP", 110, 172);
            }
            g.dispose();
            ImageIO.write(img, "png", new File("icons/viplab-" + size + ".png"));
        }
    }
}
