package dev.opsbook.cache;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What tells one build of opsbook's code from another: the place, size and time of change of each
 * archive (or folder of classes) that the code, the default templates and the libraries that shape the
 * output come from. A cache made by other code is not used.
 */
final class CodeFingerprint {
    private CodeFingerprint() {}

    static String of(String version, Class<?>... classes) {
        TreeSet<String> places = new TreeSet<>();
        for (Class<?> c : classes) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            places.add(describe(source == null ? null : source.getLocation()));
        }
        // the default templates, wherever they are on the class path
        URL layout = CodeFingerprint.class.getClassLoader().getResource("dev/opsbook/templates/layout.ftlh");
        places.add(layout == null ? "no templates" : layout.toString() + " " + describe(jarOf(layout)));
        return version + "\n" + String.join("\n", places);
    }

    private static URL jarOf(URL resource) {
        String s = resource.toString();
        if (s.startsWith("jar:") && s.contains("!/")) {
            try {
                return new URL(s.substring(4, s.indexOf("!/")));
            } catch (java.net.MalformedURLException e) {
                return null;
            }
        }
        try {
            return resource.toURI().resolve(".").toURL();
        } catch (URISyntaxException | java.net.MalformedURLException e) {
            return null;
        }
    }

    private static String describe(URL location) {
        if (location == null) {
            return "unknown";
        }
        try {
            Path p = Path.of(location.toURI());
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (!a.isDirectory()) {
                return p + " " + a.size() + " " + a.lastModifiedTime().toMillis();
            }
            // a folder of classes (a build of this repository): its newest file, and how many there are
            long newest = 0;
            long count = 0;
            long size = 0;
            try (Stream<Path> files = Files.walk(p)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    BasicFileAttributes fa = Files.readAttributes(f, BasicFileAttributes.class);
                    if (fa.isRegularFile()) {
                        count++;
                        size += fa.size();
                        newest = Math.max(newest, fa.lastModifiedTime().toMillis());
                    }
                }
            }
            return p + " " + count + " " + size + " " + newest;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return location + " unreadable";
        }
    }
}
