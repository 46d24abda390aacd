package dev.opsbook.model;

import java.util.List;
import java.util.Map;

/**
 * What a Backstage catalog entity says of a service beyond opsbook's own keys: its kind ({@code Component}
 * or {@code Resource}) and name as written, its {@code spec.type}, the system it is part of, the component it
 * is a subcomponent of, its tags, annotations and labels, and the APIs it provides and consumes (entity
 * references as written), in its {@code namespace} ({@code default} unless it says otherwise). {@code owner} is {@code spec.owner} as written ({@code user:guest},
 * {@code group:team-a}, {@code team-a}): the service's team may come from it through a User's group.
 * {@code pos} is where the entity starts.
 */
public record CatalogEntry(
        String kind,
        String name,
        String namespace,
        String title,
        String type,
        Ref system,
        Ref subcomponentOf,
        List<String> tags,
        Map<String, String> annotations,
        Map<String, String> labels,
        List<String> providesApis,
        List<String> consumesApis,
        Ref owner,
        Pos pos) {

    public CatalogEntry {
        tags = List.copyOf(tags);
        annotations = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(annotations));
        labels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
        providesApis = List.copyOf(providesApis);
        consumesApis = List.copyOf(consumesApis);
    }

    /** The entity's reference, as Backstage writes it: {@code component:default/petstore}. */
    public String entityRef() {
        return kind.toLowerCase(java.util.Locale.ROOT) + ":" + namespace + "/" + name;
    }
}
