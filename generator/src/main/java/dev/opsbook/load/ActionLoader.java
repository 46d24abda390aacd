package dev.opsbook.load;

import dev.opsbook.model.Action;
import java.util.List;

/** Reads the {@code actions} list shared by reviews and incidents. */
final class ActionLoader {
    static final List<String> STATUSES = List.of("open", "in-progress", "done", "cancelled");

    private ActionLoader() {}

    static List<Action> read(YamlMap y) {
        return y.maps("actions").stream()
                .map(a -> {
                    a.require("description", "owner", "due");
                    String status = a.oneOf("status", STATUSES);
                    var v = new Action(
                            a.string("description"),
                            a.ref("owner"),
                            a.date("due"),
                            status != null ? status : "open",
                            a.pos());
                    a.finish();
                    return v;
                })
                .filter(a -> a.description() != null)
                .toList();
    }
}
