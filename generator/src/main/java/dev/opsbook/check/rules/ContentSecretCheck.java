package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Secret;
import dev.opsbook.model.Service;
import java.util.List;
import java.util.Objects;

/** {@code content-secret}: what looks like a credential in content. The message shows it masked only. */
public final class ContentSecretCheck extends BaseCheck {
    public ContentSecretCheck() {
        super(Rule.CONTENT_SECRET);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        report(ctx, s.id(), out);
    }

    @Override
    public void checkHandbook(CheckContext ctx, List<Failure> out) {
        report(ctx, null, out);
    }

    private static void report(CheckContext ctx, String service, List<Failure> out) {
        for (Secret secret : ctx.handbook().secrets()) {
            if (Objects.equals(secret.service(), service)) {
                out.add(Failure.at(
                        secret.pos(),
                        "this looks like " + secret.kind() + " (" + secret.masked() + ")",
                        "remove it from " + secret.pos().file()
                                + ", rotate the credential, and refer to where it is kept"
                                + " (a secrets manager) instead"));
            }
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
