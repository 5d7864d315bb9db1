package org.viplab.charts;

import org.jfree.data.xy.AbstractXYDataset;

import java.util.List;

/**
 * An XYDataset over a fixed list of series backed by {@link SeriesBuffer}s. Series keys and order never change,
 * so renderer colours stay put; the buffers are refilled in place and {@link #changed()} fires one event.
 */
final class BufferDataset extends AbstractXYDataset {
    private final List<String> keys;
    private final SeriesBuffer[] buffers;

    BufferDataset(List<String> keys) {
        this.keys = List.copyOf(keys);
        this.buffers = new SeriesBuffer[keys.size()];
        for (int i = 0; i < buffers.length; i++) buffers[i] = new SeriesBuffer();
    }

    SeriesBuffer buffer(int series) { return buffers[series]; }

    void clearAll() {
        for (SeriesBuffer b : buffers) b.clear();
    }

    void changed() { fireDatasetChanged(); }

    int points() {
        int n = 0;
        for (SeriesBuffer b : buffers) n += b.size();
        return n;
    }

    @Override
    public int getSeriesCount() { return keys.size(); }

    @Override
    public Comparable<?> getSeriesKey(int series) { return keys.get(series); }

    @Override
    public int getItemCount(int series) { return buffers[series].size(); }

    @Override
    public Number getX(int series, int item) { return buffers[series].x(item); }

    @Override
    public Number getY(int series, int item) { return buffers[series].y(item); }

    @Override
    public double getXValue(int series, int item) { return buffers[series].x(item); }

    @Override
    public double getYValue(int series, int item) { return buffers[series].y(item); }
}
