package io.ledgerstream.launcher;

import io.ledgerstream.api.auth.Principal;
import io.ledgerstream.api.auth.TokenService;
import io.ledgerstream.config.LedgerstreamConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledgerstream token}: signs an API token with the deployment's key, for operators and the
 * back ends of dashboards that hold that key (an admin token makes accounts when registration is
 * not open). Prints the token alone, so that {@code TOKEN=$(./ledgerstream token …)} works.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print an API token signed with auth.jwt.secret (LEDGERSTREAM_JWT_SECRET).")
final class TokenCommand implements Callable<Integer> {

    @Option(names = "--user", required = true, description = "The token's subject (user id).")
    private String user;

    @Option(names = "--admin", description = "Give the token the admin scope: any user's data, and registering accounts.")
    private boolean admin;

    @Option(names = "--ttl", defaultValue = "PT15M", description = "How long it holds, ISO-8601 (default: ${DEFAULT-VALUE}).")
    private Duration ttl;

    @Spec
    private CommandSpec spec;

    private final LedgerstreamConfig config;

    TokenCommand(LedgerstreamConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (config.jwtSecret().isEmpty()) {
            err.println("auth.jwt.secret is not set: set LEDGERSTREAM_JWT_SECRET to the key the instances use"
                    + " (the demo keeps its key in .data/demo/jwt-secret)");
            err.flush();
            return 2;
        }
        TokenService tokens = new TokenService(config.jwtSecret().get(), ttl, Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        out.println(tokens.issue(user, admin ? Set.of(Principal.ADMIN) : Set.of()).token());
        out.flush();
        return 0;
    }
}
