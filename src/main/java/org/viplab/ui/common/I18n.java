package org.viplab.ui.common;

import org.viplab.core.util.BundleText;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The app's strings, from {@code org/viplab/i18n/messages*.properties}. Views bind their texts to
 * {@link #bind(String, Object...)} so that switching {@link #localeProperty()} relabels the whole window at
 * run time without rebuilding it. FX thread only.
 */
public final class I18n {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);
    private static final String BUNDLE = "org.viplab.i18n.messages";

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
    private ResourceBundle bundle;
    private Locale bundleLocale;

    public I18n(Locale initial) {
        locale.set(supported(initial));
    }

    /**
     * The bundle of the current locale. Loaded lazily here rather than in a locale listener, because
     * bindings re-evaluate during the locale's invalidation, before any change listener could run.
     */
    private ResourceBundle bundle() {
        Locale l = locale.get();
        if (bundle == null || !l.equals(bundleLocale)) {
            bundle = load(l);
            bundleLocale = l;
        }
        return bundle;
    }

    /** The supported locale closest to {@code l}: Chinese for any zh, English otherwise. */
    public static Locale supported(Locale l) {
        return l != null && l.getLanguage().equals("zh") ? CHINESE : ENGLISH;
    }

    private static ResourceBundle load(Locale l) {
        // No fallback to the JVM's default locale: English must stay English on a Chinese desktop.
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ObjectProperty<Locale> localeProperty() { return locale; }

    public Locale locale() { return locale.get(); }

    public void setLocale(Locale l) { locale.set(supported(l)); }

    /**
     * The text for {@code key} now, formatted with {@code args} (MessageFormat). An argument that is a text in no
     * language yet (an engine's failure, a lint finding) is rendered in this locale, so it follows a switch too.
     * Shows the key when missing.
     */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args.length == 0) return pattern;
        Object[] a = args.clone();
        for (int i = 0; i < a.length; i++) if (a[i] instanceof BundleText t) a[i] = t.render(locale.get());
        return new MessageFormat(pattern, locale.get()).format(a);
    }

    /** True when the bundle has {@code key}. */
    public boolean has(String key) { return bundle().containsKey(key); }

    /** A binding that follows the locale. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }
}
