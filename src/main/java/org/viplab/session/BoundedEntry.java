package org.viplab.session;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;

/**
 * A zip entry read as a stream that stops at a cap: the entry's own size, the session's total, and the ratio of
 * inflated to compressed bytes. Counts what is really inflated: the sizes a zip declares can lie.
 */
final class BoundedEntry extends FilterInputStream {
    /** Over a cap: the message names the entry and the limit. */
    static final class TooLarge extends IOException {
        TooLarge(String message) { super(message); }
    }

    private final ZipEntry entry;
    private final long max;
    private final long ratio;
    private final Budget budget;
    private long read;

    BoundedEntry(InputStream in, ZipEntry entry, long max, long ratio, Budget budget) {
        super(in);
        this.entry = entry;
        this.max = max;
        this.ratio = ratio;
        this.budget = budget;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) count(n);
        return n;
    }

    private void count(int n) throws TooLarge {
        read += n;
        if (read > max) throw new TooLarge(entry.getName() + " inflates to more than " + (max >> 20) + " MiB, the limit for this entry");
        if (!budget.take(n)) throw new TooLarge("the entries inflate to more than " + (budget.max() >> 20) + " MiB in all, the limit for a session");
        long compressed = entry.getCompressedSize();
        if (read > (1 << 20) && compressed > 0 && read / compressed > ratio) {
            throw new TooLarge(entry.getName() + " inflates more than " + ratio + " times its compressed size: not a session VIP Lab wrote");
        }
    }
}
