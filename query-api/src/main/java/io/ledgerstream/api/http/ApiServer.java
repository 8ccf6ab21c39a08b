package io.ledgerstream.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.ledgerstream.api.auth.Principal;
import io.ledgerstream.api.http.error.ErrorMapping;
import io.ledgerstream.api.http.error.TooManyRequestsException;

/**
 * The HTTP API, version 1 (DESIGN.md): every route, the JSON mapper and the error mapping, declared
 * up front. Every per-user route needs a bearer token of that user (or of an admin); health,
 * readiness, metrics, the OpenAPI document, {@code /api/v1/auth} and the dashboard's files at {@code /} do not.
 * Returns the app unstarted; the caller starts it on its host and port.
 */
public final class ApiServer {

    /** Prefix of the per-user routes. */
    public static final String USERS = "/api/v1/users/{userId}";
    /** Classpath folder of the dashboard's files, served at {@code /}. */
    static final String DASHBOARD = "/dashboard";
    /** Prefix of registration and login. */
    public static final String AUTH = "/api/v1/auth";
    /**
     * Bytes of the buffer Javalin copies each response body through into Jetty's output (a new one
     * per response). Its default is Jetty's output buffer size, 32 KiB, for answers mostly under 2 KiB:
     * that buffer was half of all the API's allocation under load, and so half of its collections.
     * Jetty's own output buffer still gathers larger bodies, only in more writes.
     */
    static final int RESPONSE_COPY_BUFFER = 4096;

    private ApiServer() {
    }

    public static Javalin create(ApiDependencies deps) {
        ObjectMapper mapper = JsonMappers.api();
        HealthController health = new HealthController(deps.streamsState());
        OpenApiController openApi = new OpenApiController();
        MetricsController metrics = new MetricsController(deps.meters());
        SummaryController summaries = new SummaryController(deps.reader(), deps.routing(), deps.cache(), mapper);
        TransactionController transactions = new TransactionController(deps.reader(), deps.routing());
        AlertController alerts = new AlertController(deps.reader(), deps.routing());
        InsightController insights = new InsightController(deps.reader(), deps.routing(), deps.clock());
        SettingsController settings = new SettingsController(deps.reader(), deps.routing());
        CommandController commands = new CommandController(deps.publisher(), mapper, deps.clock());
        AccountController accounts = new AccountController(deps.reader(), deps.routing(), deps.publisher(), deps.auth(),
                mapper, deps.clock());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.responseBufferSize = RESPONSE_COPY_BUFFER;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = DASHBOARD;
                files.location = Location.CLASSPATH;
            });

            config.routes.get("/health", health::health);
            config.routes.get("/ready", health::ready);
            config.routes.get("/openapi.yaml", openApi::document);
            config.routes.get("/openapi.json", openApi::json);
            config.routes.get("/metrics", metrics::metrics);
            config.requestLogger.http((ctx, millis) -> {
                metrics.timed(ctx, millis);
                RequestIds.answered(ctx, millis);
            });
            config.routes.before(RequestIds::assign);

            config.routes.post(AUTH + "/register", accounts::register);
            config.routes.post(AUTH + "/login", accounts::login);
            config.routes.get(AUTH + "/me", accounts::me);

            // a user id the stores cannot hold is refused first, also before a stream (/alerts/live) starts
            config.routes.before(USERS + "/*", RequestParams::userId);
            config.routes.before(USERS + "/*", deps.auth()::requireUser);
            config.routes.before(USERS + "/*", ctx -> limit(ctx, deps));
            config.routes.get(USERS + "/summary", summaries::summary);
            config.routes.get(USERS + "/months", summaries::months);
            config.routes.get(USERS + "/transactions", transactions::transactions);
            config.routes.get(USERS + "/alerts", alerts::alerts);
            config.routes.sse(USERS + "/alerts/live", client ->
                    deps.liveAlerts().listen(RequestParams.userId(client.ctx()), client));
            config.routes.get(USERS + "/recurring", alerts::recurring);
            config.routes.get(USERS + "/insights", insights::insights);
            config.routes.post(USERS + "/corrections", commands::correction);
            config.routes.get(USERS + "/settings", settings::settings);
            config.routes.put(USERS + "/settings", commands::settings);

            ErrorMapping.register(config.routes);
        });
    }

    /**
     * After {@link io.ledgerstream.api.auth.Authentication#requireUser}: counts the request against its
     * token's limit, where the caller sent it (not again where it was forwarded to).
     */
    private static void limit(Context ctx, ApiDependencies deps) {
        if (deps.routing().forwardedByPeer(ctx)) {
            return; // counted by the instance that forwarded it
        }
        Principal caller = deps.auth().caller(ctx).orElseThrow();
        deps.limits().acquire(caller.tokenId()).ifPresent(wait -> {
            throw new TooManyRequestsException("this token made too many requests; try again in "
                    + wait.toSeconds() + " s", wait);
        });
    }
}
