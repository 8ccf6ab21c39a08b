package io.ledgerstream.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.ledgerstream.api.http.error.ErrorMapping;

/**
 * The HTTP API, version 1 (DESIGN.md): every route, the JSON mapper and the error mapping, declared
 * up front. Every per-user route needs a bearer token of that user (or of an admin); health,
 * readiness, the OpenAPI document and {@code /api/v1/auth} do not. Returns the app unstarted; the caller starts it on its host and port.
 */
public final class ApiServer {

    /** Prefix of the per-user routes. */
    public static final String USERS = "/api/v1/users/{userId}";
    /** Prefix of registration and login. */
    public static final String AUTH = "/api/v1/auth";

    private ApiServer() {
    }

    public static Javalin create(ApiDependencies deps) {
        ObjectMapper mapper = JsonMappers.api();
        HealthController health = new HealthController(deps.streamsState());
        OpenApiController openApi = new OpenApiController();
        SummaryController summaries = new SummaryController(deps.reader(), deps.routing());
        TransactionController transactions = new TransactionController(deps.reader(), deps.routing());
        AlertController alerts = new AlertController(deps.reader(), deps.routing());
        InsightController insights = new InsightController(deps.reader(), deps.routing(), deps.clock());
        CommandController commands = new CommandController(deps.publisher(), mapper, deps.clock());
        AccountController accounts = new AccountController(deps.reader(), deps.routing(), deps.publisher(), deps.auth(),
                mapper, deps.clock());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));

            config.routes.get("/health", health::health);
            config.routes.get("/ready", health::ready);
            config.routes.get("/openapi.yaml", openApi::document);
            config.routes.get("/openapi.json", openApi::json);

            config.routes.post(AUTH + "/register", accounts::register);
            config.routes.post(AUTH + "/login", accounts::login);
            config.routes.get(AUTH + "/me", accounts::me);

            config.routes.before(USERS + "/*", deps.auth()::requireUser);
            config.routes.get(USERS + "/summary", summaries::summary);
            config.routes.get(USERS + "/months", summaries::months);
            config.routes.get(USERS + "/transactions", transactions::transactions);
            config.routes.get(USERS + "/alerts", alerts::alerts);
            config.routes.get(USERS + "/recurring", alerts::recurring);
            config.routes.get(USERS + "/insights", insights::insights);
            config.routes.post(USERS + "/corrections", commands::correction);
            config.routes.put(USERS + "/settings", commands::settings);

            ErrorMapping.register(config.routes);
        });
    }
}
