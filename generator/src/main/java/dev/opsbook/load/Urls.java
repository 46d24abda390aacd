package dev.opsbook.load;

import java.util.Locale;

/**
 * The URL rule for YAML {@code url:} fields: http, https or mailto only. Anything else
 * ({@code javascript:}, {@code data:}, in any case or with characters browsers ignore) is a
 * {@code schema} finding and is never emitted as a link.
 */
final class Urls {
    private Urls() {}

    static String check(YamlMap y, String key) {
        String url = y.string(key);
        y.expect(key, SchemaPatterns.URL);
        if (url == null) {
            return null;
        }
        if (!allowed(url)) {
            y.schema(
                    key,
                    "'" + key + "' must be an http, https or mailto address, found '" + url + "'",
                    "use a full address such as https://grafana.example/d/abc");
            return null;
        }
        return url;
    }

    static boolean allowed(String url) {
        String squeezed = url.replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
        return (squeezed.startsWith("https://") || squeezed.startsWith("http://") || squeezed.startsWith("mailto:"))
                && url.strip().equals(url.strip().replaceAll("[\\x00-\\x1f]", ""));
    }
}
