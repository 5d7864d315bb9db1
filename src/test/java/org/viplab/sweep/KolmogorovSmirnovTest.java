package org.viplab.sweep;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two-sample KS statistic, its exact p-value and critical value, against values worked by hand (the lattice
 * paths counted) and against scipy 1.17's {@code ks_2samp(x, y, method='exact')} for the same samples.
 */
class KolmogorovSmirnovTest {
    static long[] of(long... v) { return v; }

    static long[] range(long from, int count) {
        long[] v = new long[count];
        for (int i = 0; i < count; i++) v[i] = from + i;
        return v;
    }

    @Test
    void samplesThatDoNotOverlapAreAtDistanceOneWithPTwoOverTheNumberOfOrders() {
        // only 2 of the C(6,3) = 20 orders keep all of one sample below the other
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(of(1, 2, 3), of(4, 5, 6));
        assertEquals(1.0, r.d(), 1e-12);
        assertEquals(2.0 / 20, r.pValue(), 1e-12);
        assertTrue(r.exact());
        // C(10,5) = 252
        assertEquals(2.0 / 252, KolmogorovSmirnov.test(range(1, 5), range(6, 5)).pValue(), 1e-12);
        // two real runs below sixty simulated ones: 2 of C(62,2) = 1891 orders
        KolmogorovSmirnov.Result two = KolmogorovSmirnov.test(of(0, 1), range(10, 60));
        assertEquals(2.0 / 1891, two.pValue(), 1e-12);
        assertTrue(two.differs(), "two runs that lie apart from sixty seeds do differ at 0.05");
    }

    @Test
    void interleavedSamplesMatchScipysExactValues() {
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(of(1, 3, 5, 7), of(2, 4, 6, 8, 10, 12));
        assertEquals(0.5, r.d(), 1e-12);
        assertEquals(0.5523809523809524, r.pValue(), 1e-12);
        // 25 against 20 values, scipy's documentation-style example scaled to whole numbers
        long[] x = {61, 29, 6, 59, -173, -74, 51, -56, 39, 164, 5, -6, 64, -82, 37, 177, 109, -128, 236, 131, 105, -32, -40, 106, -247};
        long[] y = {220, 166, 138, 20, 36, 0, 96, 156, 44, 150, -30, 66, 231, 329, -27, -37, 38, 70, 52, -71};
        KolmogorovSmirnov.Result s = KolmogorovSmirnov.test(x, y);
        assertEquals(0.23, s.d(), 1e-12);
        assertEquals(0.5286364448145011, s.pValue(), 1e-9);
    }

    @Test
    void tiesMoveTogether() {
        // 648.1 and 649.1 ms against sixty seeds of exactly 648.4: the CDFs are 0.5 apart at most, not 1 (scipy: 0.5, p 0.5553)
        long[] sim = new long[60];
        java.util.Arrays.fill(sim, 648_400);
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(of(648_100, 649_100), sim);
        assertEquals(0.5, r.d(), 1e-12);
        assertEquals(0.5552617662612375, r.pValue(), 1e-9);
        assertFalse(r.differs());
        // identical samples: D = 0, p = 1
        KolmogorovSmirnov.Result same = KolmogorovSmirnov.test(of(5, 5, 7), of(7, 5, 5));
        assertEquals(0, same.d(), 0);
        assertEquals(1.0, same.pValue(), 0);
    }

    @Test
    void theCriticalValueIsTheSmallestSignificantDistanceForTheSizes() {
        // n = m = 10: D = 0.6 has p 0.0524, D = 0.7 has p 0.0123 (scipy), so 0.7 (the textbook table's 7/10)
        assertEquals(0.05244755244755244, KolmogorovSmirnov.test(range(0, 10), range(6, 10)).pValue(), 1e-12);
        assertEquals(0.012340600575894691, KolmogorovSmirnov.test(range(0, 10), range(7, 10)).pValue(), 1e-12);
        assertEquals(0.7, KolmogorovSmirnov.exactCritical(10, 10), 1e-12);
        // two against two: the best possible p is 2 / C(4,2) = 1/3: nothing can be significant, and it says so
        KolmogorovSmirnov.Result tiny = KolmogorovSmirnov.test(of(1, 2), of(3, 4));
        assertEquals(1.0 / 3, tiny.pValue(), 1e-12);
        assertTrue(tiny.tooFew());
        assertFalse(tiny.differs());
    }

    @Test
    void largeSamplesUseTheKolmogorovDistributionAndSaySo() {
        // P(K ≥ 1) = 0.2700, P(K ≥ 1.3581) = 0.0500 (scipy's kstwobign.sf)
        assertEquals(0.26999967167735456, KolmogorovSmirnov.kolmogorovSf(1.0), 1e-9);
        assertEquals(0.0499996304316674, KolmogorovSmirnov.kolmogorovSf(1.3581), 1e-9);
        assertEquals(1.3580986393225507, KolmogorovSmirnov.ASYMPTOTIC_C, 1e-12);
        KolmogorovSmirnov.Result big = KolmogorovSmirnov.test(range(0, 2100), range(100, 2000));
        assertFalse(big.exact());
        assertEquals(100.0 / 2100, big.d(), 1e-12); // below 100 only the first sample
        assertEquals(KolmogorovSmirnov.ASYMPTOTIC_C * Math.sqrt((2100.0 + 2000) / (2100.0 * 2000)), big.critical(), 1e-12);
    }

    @Test
    void anEmptySampleHasNoTest() {
        assertNull(KolmogorovSmirnov.test(new long[0], of(1)));
    }
}
