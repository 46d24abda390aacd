package dev.opsbook.load;

import dev.opsbook.finding.Findings;
import dev.opsbook.model.Rota;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a rota.yaml for tests that drive {@link dev.opsbook.rota.RotaSchedule} directly. */
public final class TestRotas {
    private final Path root;

    public TestRotas(Path root) {
        this.root = root;
    }

    public Rota read(String rel) {
        try {
            return parse(Files.readString(root.resolve(rel)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Rota parse(String yaml) {
        Findings findings = new Findings();
        Rota rota = YamlDocument.parse(yaml, new YamlDocument.Ctx("rota.yaml", 0, null, findings))
                .map(RotaLoader::read)
                .orElseThrow();
        if (findings.size() > 0) {
            throw new IllegalArgumentException(findings.sorted().toString());
        }
        return rota;
    }
}
