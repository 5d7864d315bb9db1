package org.viplab.replay;

import org.junit.jupiter.api.Test;
import org.viplab.core.util.BundleText;

import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/** Every replay text exists in English and in Simplified Chinese, and the Chinese is not the English. */
class ReplayTextTest {
    @Test
    void bothLanguagesHaveEveryKey() {
        ResourceBundle en = BundleText.bundle(ReplayText.BUNDLE, Locale.ENGLISH);
        ResourceBundle zh = BundleText.bundle(ReplayText.BUNDLE, Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.keySet()).isEqualTo(en.keySet());
        for (String k : en.keySet()) {
            assertThat(zh.getString(k)).as(k).isNotBlank().isNotEqualTo(en.getString(k));
        }
    }
}
