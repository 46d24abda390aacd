package dev.opsbook.render;

import dev.opsbook.link.SitePaths;
import dev.opsbook.model.CatalogEntry;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Link;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Service;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The handbook's services as Backstage catalog entities ({@code services/<id>/catalog-info.yaml}), and a
 * Location of them all at the site's root: a catalog can mirror what the handbook knows. A service a
 * catalog described keeps its kind, type, owner as written, system, APIs, tags, annotations and labels;
 * opsbook's own facts travel as {@code opsbook.dev/} annotations, and the handbook page is a link (with
 * {@code baseUrl}) and the {@code opsbook.dev/handbook-page} annotation. A lifecycle not set is written
 * {@code unknown} (Backstage requires one), which opsbook reads back as not set.
 */
final class CatalogExport {
    /** What opsbook writes, and reads back, for a lifecycle that is not set. */
    static final String UNKNOWN_LIFECYCLE = "unknown";

    private final Handbook hb;

    CatalogExport(Handbook hb) {
        this.hb = hb;
    }

    /** The entity of {@code s}, as YAML. */
    byte[] service(Service s) {
        CatalogEntry c = s.catalog();
        String kind = c != null ? c.kind() : "Component";
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", s.id());
        if (c != null && !c.namespace().equals("default")) {
            metadata.put("namespace", c.namespace());
        }
        if (!s.name().equals(s.id())) {
            metadata.put("title", s.name());
        }
        if (s.description() != null) {
            metadata.put("description", s.description());
        }
        if (c != null && !c.tags().isEmpty()) {
            metadata.put("tags", c.tags());
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        if (c != null) {
            annotations.putAll(c.annotations());
        }
        if (s.tier() != null) {
            annotations.put("opsbook.dev/tier", String.valueOf(s.tier()));
        }
        if (s.supportModel() != null) {
            annotations.put("opsbook.dev/support-model", s.supportModel());
        }
        if (s.supportHours() != null) {
            annotations.put("opsbook.dev/support-hours", s.supportHours());
        }
        if (s.sharedRota() != null) {
            annotations.put("opsbook.dev/rota", s.sharedRota().id());
        }
        annotations.put("opsbook.dev/handbook-page", SitePaths.service(s.id()));
        metadata.put("annotations", annotations);
        if (c != null && !c.labels().isEmpty()) {
            metadata.put("labels", c.labels());
        }
        List<Map<String, Object>> links = new ArrayList<>();
        String base = hb.settings().baseUrl();
        if (base != null) {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("url", base + "services/" + s.id() + "/");
            page.put("title", "Operations handbook");
            page.put("icon", "docs");
            links.add(page);
        }
        for (Link l : s.links()) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("url", l.url());
            link.put("title", l.title());
            links.add(link);
        }
        if (!links.isEmpty()) {
            metadata.put("links", links);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", c != null && c.type() != null ? c.type() : "service");
        if (!kind.equals("Resource")) {
            spec.put("lifecycle", s.lifecycle() != null ? s.lifecycle() : UNKNOWN_LIFECYCLE);
        }
        // the owner as the catalog wrote it while it is still the service's (a User, or the same Group)
        String namespace = c != null ? c.namespace() : "default";
        String written = c == null || c.owner() == null ? null : c.owner().id();
        String writtenName =
                written == null ? null : written.substring(written.lastIndexOf(written.contains("/") ? '/' : ':') + 1);
        spec.put(
                "owner",
                written != null
                                && (written.startsWith("user:")
                                        || s.owner() != null && s.owner().id().equals(writtenName))
                        ? written
                        : "group:" + namespace + "/"
                                + (s.owner() == null ? "unknown" : s.owner().id()));
        if (c != null && c.system() != null) {
            spec.put("system", c.system().id());
        }
        if (c != null && c.subcomponentOf() != null && !kind.equals("Resource")) {
            spec.put(
                    "subcomponentOf",
                    "component:" + namespace + "/" + c.subcomponentOf().id());
        }
        if (c != null && !c.providesApis().isEmpty() && !kind.equals("Resource")) {
            spec.put("providesApis", c.providesApis());
        }
        if (c != null && !c.consumesApis().isEmpty() && !kind.equals("Resource")) {
            spec.put("consumesApis", c.consumesApis());
        }
        List<String> dependsOn = new ArrayList<>();
        for (Ref d : s.dependsOn()) {
            java.util.Optional<CatalogEntry> target = hb.service(d.id()).map(Service::catalog);
            String targetKind =
                    target.map(CatalogEntry::kind).orElse("Component").toLowerCase(java.util.Locale.ROOT);
            dependsOn.add(targetKind + ":" + target.map(CatalogEntry::namespace).orElse("default") + "/" + d.id());
        }
        if (!dependsOn.isEmpty()) {
            spec.put("dependsOn", dependsOn);
        }
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("apiVersion", "backstage.io/v1alpha1");
        entity.put("kind", kind);
        entity.put("metadata", metadata);
        entity.put("spec", spec);
        return dump(entity);
    }

    /** The Location of every service's entity, for a catalog to register once. */
    byte[] location() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "opsbook-handbook");
        metadata.put("description", "The services of " + hb.settings().title() + ", as its handbook knows them");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "url");
        spec.put(
                "targets",
                hb.services().stream()
                        .map(s -> "./" + SitePaths.serviceCatalog(s.id()))
                        .toList());
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("apiVersion", "backstage.io/v1alpha1");
        entity.put("kind", "Location");
        entity.put("metadata", metadata);
        entity.put("spec", spec);
        return dump(entity);
    }

    private static byte[] dump(Map<String, Object> entity) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        o.setWidth(120);
        o.setSplitLines(false);
        return new Yaml(o).dump(entity).getBytes(StandardCharsets.UTF_8);
    }
}
