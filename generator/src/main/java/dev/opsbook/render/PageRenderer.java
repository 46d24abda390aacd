package dev.opsbook.render;

import dev.opsbook.output.Utf8Writer;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders views through FreeMarker. The configuration is built once per run and shared by every
 * thread. Templates come from the classpath ({@code dev/opsbook/templates/}); a user's templates
 * folder overrides single templates, and static assets, by name.
 */
public final class PageRenderer {
    static final String CLASSPATH_BASE = "dev/opsbook/templates";
    private final Configuration cfg;
    private final Path userTemplates;

    public PageRenderer(Path userTemplates) {
        this.userTemplates = userTemplates;
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setObjectWrapper(new ViewObjectWrapper(Configuration.VERSION_2_3_34));
        // the default templates never change while running; a user's may (opsbook serve keeps this engine)
        cfg.setTemplateUpdateDelayMilliseconds(userTemplates == null ? Long.MAX_VALUE : 0);
        TemplateLoader classpath = new ClassTemplateLoader(PageRenderer.class.getClassLoader(), CLASSPATH_BASE);
        try {
            cfg.setTemplateLoader(
                    userTemplates == null
                            ? classpath
                            : new MultiTemplateLoader(
                                    new TemplateLoader[] {new FileTemplateLoader(userTemplates.toFile()), classpath}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the templates folder " + userTemplates, e);
        }
    }

    /** The folder whose templates override the defaults, or null. */
    public Path userTemplates() {
        return userTemplates;
    }

    /** Renders {@code template} (e.g. {@code service.ftlh}) with {@code page} and {@code model}, as UTF-8. */
    public byte[] render(String template, Views.PageView page, Object model) {
        try {
            Template t = cfg.getTemplate(template);
            Utf8Writer out = new Utf8Writer(16_384);
            t.process(Map.of("page", page, "model", model), out);
            return out.toByteArray();
        } catch (ParseException e) {
            throw doesNotParse(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load template " + template, e);
        } catch (TemplateException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof ParseException p) {
                    throw doesNotParse(p); // an imported template (the user's layout.ftlh) with a syntax error
                }
            }
            throw new TemplateFailure(
                    where(e.getTemplateSourceName(), e.getLineNumber(), e.getColumnNumber()) + ": template failed for "
                            + page.path() + ": " + firstParagraph(e.getMessageWithoutStackTop()),
                    e);
        }
    }

    /** A template with a syntax error: where, and what FreeMarker says, on one line (a user's error, not an I/O one). */
    private TemplateFailure doesNotParse(ParseException e) {
        return new TemplateFailure(
                where(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber()) + ": template does not parse: "
                        + firstParagraph(e.getEditorMessage()),
                e);
    }

    /** {@code file:line:column} of a place in a template: the user's file when it comes from their folder. */
    private String where(String name, Integer line, Integer column) {
        String file = name == null
                ? "a template"
                : userTemplates != null && Files.isRegularFile(userTemplates.resolve(name))
                        ? userTemplates.resolve(name).toString()
                        : "template " + name;
        return file + (line != null && line > 0 ? ":" + line + (column != null && column > 0 ? ":" + column : "") : "");
    }

    /** FreeMarker's message up to its first "----" (the tips that follow are for its own manual's readers), on one line. */
    private static String firstParagraph(String message) {
        String m = message == null ? "" : message;
        int tips = m.indexOf("\n----");
        return (tips < 0 ? m : m.substring(0, tips)).strip().replaceAll("\\s+", " ");
    }

    /** Templates made of a line of FreeMarker (see {@link #fragment}), parsed once each. */
    private final Map<String, Template> fragments = new ConcurrentHashMap<>();

    /**
     * Renders a piece of a page with this engine's templates: {@code source} is FreeMarker (typically an
     * import of layout.ftlh and one macro call), {@code model} its data. For pieces shared by many pages.
     */
    public String fragment(String source, Map<String, Object> model) {
        try {
            Template t = fragments.computeIfAbsent(source, src -> {
                try {
                    return new Template("fragment", src, cfg);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            StringWriter out = new StringWriter(2_048);
            t.process(model, out);
            return out.toString();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof ParseException p) {
                throw doesNotParse(p); // the user's layout.ftlh, imported by the fragment
            }
            throw e;
        } catch (ParseException e) {
            throw doesNotParse(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + source, e);
        } catch (TemplateException e) {
            throw new TemplateFailure(
                    where(e.getTemplateSourceName(), e.getLineNumber(), e.getColumnNumber()) + ": template failed: "
                            + firstParagraph(e.getMessageWithoutStackTop()),
                    e);
        }
    }

    /** A template that could not be rendered. */
    public static final class TemplateFailure extends RuntimeException {
        TemplateFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A static asset by name (e.g. {@code static/opsbook.css}): the user's copy first, then the default. */
    public Optional<byte[]> asset(String name) {
        try {
            if (userTemplates != null && Files.isRegularFile(userTemplates.resolve(name))) {
                return Optional.of(Files.readAllBytes(userTemplates.resolve(name)));
            }
            try (InputStream in =
                    PageRenderer.class.getClassLoader().getResourceAsStream(CLASSPATH_BASE + "/" + name)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read asset " + name, e);
        }
    }
}
