package org.viplab.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.viplab.charts.ChartData;
import org.viplab.charts.ChartImages;
import org.viplab.charts.ChartText;
import org.viplab.charts.LabCharts;
import org.viplab.drill.DrillResult;
import org.viplab.drill.Step;
import org.viplab.drill.Verdict;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The report's three charts on one time axis: the same left edge (a fixed axis space), the same range and ticks
 * (the range ends on a tick, so a 75 s drill's last tick is 75, not 74), a dashed line and number for every
 * action, each failed expectation's window shaded red on every chart (a passed one faintly green on the VIP chart), and h:mm:ss ticks on runs of 10 minutes or more. In the
 * HTML as inline SVG (vector); for the PDF as PNG drawn narrower (bigger text when printed) at 3x (over 300 dpi).
 */
final class ReportCharts {
    static final int HTML_WIDTH = 1100;
    /** Printed 180 mm wide: an 11 px tick label is then 7.4 pt. */
    static final int PDF_WIDTH = 760;
    static final int PDF_SCALE = 3;
    /** The same left edge on every chart: room for the widest lane names and priority numbers. */
    static final double LEFT_AXIS_PX = 92;
    static final long HMS_FROM_US = 600_000_000L;
    private static final String[] KEYS = {"vip", "adverts", "client"};
    private static final int[] HEIGHTS = {270, 330, 270};
    /** Height added to the VIP image per further instance (VI_READ). */
    private static final int MORE_INSTANCE_PX = 190;
    private static final Color ACTION = new Color(25, 90, 200);
    private static final Color FAILED_WINDOW = new Color(198, 40, 40, 40);
    private static final Color PASSED_WINDOW = new Color(46, 125, 50, 22);

    private ReportCharts() { }

    /** Each chart's title, caption and image: {@code svg} (markup) when {@code vector}, else {@code base64} PNG. */
    static List<Map<String, Object>> build(DrillResult r, Locale locale, ReportModel text, boolean vector) throws IOException {
        int width = vector ? HTML_WIDTH : PDF_WIDTH;
        ChartData data = ChartData.of(r.drill().topology(), r.events());
        LabCharts charts = LabCharts.separate(data, locale);
        long endUs = axisEndUs(r.endUs(), width);
        charts.show(0, endUs, width);
        List<XYPlot> plots = new ArrayList<>(charts.vipPlots()); // one VIP plot per instance
        plots.add(charts.advertPlot());
        plots.add(charts.clientPlot());
        ChartText chartText = new ChartText(locale);
        for (XYPlot p : plots) {
            AxisSpace left = new AxisSpace();
            left.setLeft(LEFT_AXIS_PX);
            p.setFixedRangeAxisSpace(left);
            if (endUs >= HMS_FROM_US) {
                NumberAxis axis = (NumberAxis) p.getDomainAxis();
                axis.setNumberFormatOverride(new Hms());
                axis.setLabel(text.t("chart.time.hms"));
            }
        }
        marks(r, plots, data.moreInstances(), chartText);
        ResourceBundle titles = ResourceBundle.getBundle("org.viplab.i18n.charts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JFreeChart c = charts.charts().get(i);
            // each further instance's VIP plot adds room as tall as the first's plot area
            int html = HEIGHTS[i] + (i == 0 ? MORE_INSTANCE_PX * (charts.vipPlots().size() - 1) : 0);
            int h = vector ? html : html * PDF_WIDTH / HTML_WIDTH + 30;
            Map<String, Object> row = new HashMap<>();
            row.put("title", titles.getString("chart." + KEYS[i] + ".title"));
            row.put("caption", text.t("chart." + KEYS[i] + ".caption"));
            if (vector) row.put("svg", ChartImages.svg(c, width, h, KEYS[i] + "-")); // ids unique in the page
            else row.put("base64", Base64.getEncoder().encodeToString(ChartImages.png(c, width, h, PDF_SCALE)));
            out.add(row);
        }
        return out;
    }

    /** The run's end rounded up to the next tick, so the axis ends on a labelled tick. */
    static long axisEndUs(long endUs, int widthPx) {
        double seconds = Math.max(1, endUs / 1e6);
        double tick = LabCharts.tickSeconds(seconds, widthPx);
        return Math.round(Math.ceil(seconds / tick - 1e-9) * tick * 1e6);
    }

    /** A dashed line per action (numbered by its step on the top chart) and each failed expectation's window in red. */
    private static void marks(DrillResult r, List<XYPlot> plots, List<String> moreInstances, ChartText chartText) {
        for (Verdict v : r.verdicts()) {
            Step s = v.step();
            if (s instanceof Step.ActionStep a) {
                for (int i = 0; i < plots.size(); i++) {
                    ValueMarker m = new ValueMarker(a.anchorUs() / 1e6, ACTION, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
                    if (i == 0) {
                        m.setLabel("\u25BC" + a.index());
                        m.setLabelFont(chartText.font(Font.BOLD, 11));
                        m.setLabelPaint(ACTION);
                        m.setLabelAnchor(RectangleAnchor.TOP);
                        m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
                    }
                    plots.get(i).addDomainMarker(m, Layer.FOREGROUND);
                }
            } else if (v.status() == Verdict.Status.PASSED && s instanceof Step.ExpectStep e && !e.wholeDrill() && e.deadlineUs() > e.anchorUs()) {
                // a passed window, faintly on the VIP chart only (the plot of the instance it is about): where each
                // check looked, without hiding the data
                int vipPlot = e.instance() == null ? 0 : 1 + moreInstances.indexOf(e.instance()); // 0 when not charted
                plots.get(vipPlot).addDomainMarker(new IntervalMarker(e.anchorUs() / 1e6, e.deadlineUs() / 1e6, PASSED_WINDOW), Layer.BACKGROUND);
            } else if (v.failed() && s instanceof Step.ExpectStep e) {
                long from = e.wholeDrill() ? 0 : e.anchorUs();
                long to = e.wholeDrill() ? r.endUs() : Math.max(e.deadlineUs(), from + 1);
                for (int i = 0; i < plots.size(); i++) {
                    IntervalMarker m = new IntervalMarker(from / 1e6, to / 1e6, FAILED_WINDOW);
                    if (i == plots.size() - 1) {
                        m.setLabel("\u2716" + e.index());
                        m.setLabelFont(chartText.font(Font.BOLD, 11));
                        m.setLabelPaint(new Color(183, 28, 28));
                        m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
                        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                    }
                    plots.get(i).addDomainMarker(m, Layer.BACKGROUND);
                }
            }
        }
    }

    /** Seconds as h:mm:ss (tick labels of long runs). */
    static final class Hms extends NumberFormat {
        @Override
        public StringBuffer format(double seconds, StringBuffer to, FieldPosition pos) {
            long s = Math.round(seconds);
            return to.append(String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60));
        }

        @Override
        public StringBuffer format(long seconds, StringBuffer to, FieldPosition pos) { return format((double) seconds, to, pos); }

        @Override
        public Number parse(String source, ParsePosition pos) { return null; }
    }
}
