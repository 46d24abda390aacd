package dev.opsbook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.opsbook.render.Views.LinkView;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViewObjectWrapperTest {
    /** A record with more than components: templates reach such methods through the default wrapper. */
    public record Sample(String name, int count, boolean flag, LinkView link, List<LinkView> links, String missing) {
        public String shout() {
            return name.toUpperCase(java.util.Locale.ROOT);
        }

        public String greet(String who) {
            return "hello " + who + " from " + name;
        }
    }

    /** A record that implements an interface is left to the default wrapper (it may be a list, a map, a model). */
    public record Named(String name) implements Comparable<Named> {
        @Override
        public int compareTo(Named other) {
            return name.compareTo(other.name);
        }
    }

    private static final Sample SAMPLE = new Sample(
            "svc",
            3,
            true,
            new LinkView("Ledger", "../ledger/index.html"),
            List.of(new LinkView("a", "a.html"), LinkView.plain("b")),
            null);

    @Test
    void viewRecordsAreReadThroughTheirAccessors() throws Exception {
        ViewObjectWrapper wrapper = new ViewObjectWrapper(Configuration.VERSION_2_3_34);
        assertInstanceOf(ViewObjectWrapper.RecordModel.class, wrapper.wrap(SAMPLE));
        assertInstanceOf(ViewObjectWrapper.RecordModel.class, wrapper.wrap(new LinkView("x", null)));
        assertEquals(
                freemarker.ext.beans.GenericObjectModel.class,
                wrapper.wrap(new Named("x")).getClass());
        // what the default wrapper makes of everything else is unchanged
        assertEquals(
                new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34)
                        .build()
                        .wrap("text")
                        .getClass(),
                wrapper.wrap("text").getClass());
    }

    /** Each expression renders the same through this wrapper as through FreeMarker's default one. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "${s.name} ${s.count} ${s.flag?c} ${s.link.text} ${s.link.href}",
                "<#list s.links as l><#if l.href??>${l.href}<#else>${l.text}</#if>;</#list>",
                "${s.missing!'none'} ${(s.missing??)?c} ${s.link?is_hash?c} ${s.link?has_content?c} ${s.links?size}",
                "${s.shout} ${s.shout()} ${s.name()} ${s.greet('you')}",
                "${s.link.text?is_string?c} ${s.count?is_number?c} ${s.flag?is_boolean?c} ${s.links?is_sequence?c}",
                "<#list s.link?keys?sort as k>${k},</#list>",
                "<#macro link l=\"\"><#if l?is_hash><#if l.href??>${l.href}<#else>${l.text}</#if><#else>-</#if></#macro>"
                        + "<@link s.link/> <@link/> <@link s.links[1]/>",
            })
    void rendersAsTheDefaultWrapperDoes(String source) throws Exception {
        ObjectWrapper stock = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build();
        assertEquals(render(source, stock), render(source, new ViewObjectWrapper(Configuration.VERSION_2_3_34)));
    }

    @Test
    void anUnknownPropertyFailsAsWithTheDefaultWrapper() {
        ObjectWrapper stock = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build();
        String source = "${s.nosuch}";
        TemplateException before = assertThrows(TemplateException.class, () -> render(source, stock));
        TemplateException after = assertThrows(
                TemplateException.class, () -> render(source, new ViewObjectWrapper(Configuration.VERSION_2_3_34)));
        assertNotNull(after.getBlamedExpressionString());
        assertEquals(before.getBlamedExpressionString(), after.getBlamedExpressionString());
    }

    private static String render(String source, ObjectWrapper wrapper) throws IOException, TemplateException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setObjectWrapper(wrapper);
        cfg.setNumberFormat("computer");
        cfg.setLogTemplateExceptions(false);
        StringWriter out = new StringWriter();
        new Template("t", source, cfg).process(Map.of("s", SAMPLE), out);
        return out.toString();
    }
}
