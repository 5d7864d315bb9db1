package org.viplab.charts;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * Marks only (no lines): a filled and outlined shape per point, as XYLineAndShapeRenderer(false, true) draws them,
 * but a rectangular mark (the client probes' ticks) stays a Rectangle2D when moved into place. JFreeChart turns
 * every mark into a new general path first; Java2D then rasterises each path in its general (Marlin) pipeline,
 * where a rectangle would take its parallelogram fast path. Other shapes are moved into one reused path.
 * Marks outside the data area are skipped, as JFreeChart does. No item labels, crosshairs or entities (the charts
 * use none).
 */
final class MarkRenderer extends XYLineAndShapeRenderer {
    private final Rectangle2D.Double rect = new Rectangle2D.Double();
    private final Path2D.Double path = new Path2D.Double();
    private final AffineTransform at = new AffineTransform();

    MarkRenderer() {
        super(false, true);
    }

    /** Only the item pass: there are no lines. */
    @Override
    public int getPassCount() { return 1; }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info, XYPlot plot,
                         ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        if (!getItemVisible(series, item) || !getItemShapeVisible(series, item)) return;
        double x = dataset.getXValue(series, item);
        double y = dataset.getYValue(series, item);
        if (Double.isNaN(x) || Double.isNaN(y)) return;
        double tx = domainAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
        double ty = rangeAxis.valueToJava2D(y, dataArea, plot.getRangeAxisEdge());
        if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
            double t = tx;
            tx = ty;
            ty = t;
        }
        Shape shape = getItemShape(series, item);
        Shape mark;
        if (shape instanceof Rectangle2D r) {
            rect.setRect(r.getX() + tx, r.getY() + ty, r.getWidth(), r.getHeight());
            mark = rect;
        } else {
            path.reset();
            at.setToTranslation(tx, ty);
            path.append(shape.getPathIterator(at), false);
            mark = path;
        }
        if (!mark.intersects(dataArea)) return;
        if (getItemShapeFilled(series, item)) {
            g2.setPaint(getUseFillPaint() ? getItemFillPaint(series, item) : getItemPaint(series, item));
            g2.fill(mark);
        }
        if (getDrawOutlines()) {
            Paint outline = getUseOutlinePaint() ? getItemOutlinePaint(series, item) : getItemPaint(series, item);
            Stroke stroke = getItemOutlineStroke(series, item);
            g2.setPaint(outline);
            g2.setStroke(stroke);
            g2.draw(mark);
        }
    }
}
