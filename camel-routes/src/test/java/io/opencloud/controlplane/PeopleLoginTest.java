package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A person logs in the way a CLI has them do it, with the device code grant: the CLI asks for a code, the person
 * logs in at the control plane's login page, confirms the code, and the CLI's poll gets a token that speaks for that
 * person in their tenant and role.
 */
class PeopleLoginTest extends ControlPlaneTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");

    @Test
    void theDeviceCodeGrantGivesAPersonATokenOfTheirOwn() throws Exception {
        String tenant = "people-" + id().substring(0, 8);
        assertThat(http().postJson("/tenants", "{\"name\":\"" + tenant + "\",\"resources\":[]}").statusCode())
                .isEqualTo(201);
        String user = tenant + "-ana";
        String password = "correct horse battery staple";
        assertThat(http().postJson("/tenants/" + tenant + "/users", "{\"name\":\"" + user
                + "\",\"role\":\"OPERATOR\",\"password\":\"" + password + "\"}").statusCode()).isEqualTo(201);
        String base = "http://127.0.0.1:" + port;
        HttpClient cli = HttpClient.newHttpClient();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        JsonNode code = Http.JSON.readTree(cli.send(form(base + "/oauth2/device_authorization",
                Map.of("client_id", "opencloud-cli", "scope", "api")), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(code.has("user_code")).as(code.toString()).isTrue();
        HttpResponse<String> pending = cli.send(form(base + "/oauth2/token", Map.of("client_id", "opencloud-cli",
                "grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", code.get("device_code").asString())), HttpResponse.BodyHandlers.ofString());
        assertThat(pending.body()).as("before the person has entered the code").contains("authorization_pending");

        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> wrong = browser.send(form(base + "/login", Map.of("username", user, "password", "guess",
                "_csrf", csrf(loginPage))), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.headers().firstValue("Location")).as("a wrong password")
                .hasValueSatisfying(location -> assertThat(location).contains("/login?error"));
        loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> loggedIn = browser.send(form(base + "/login", Map.of("username", user, "password",
                password, "_csrf", csrf(loginPage))), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).doesNotContain("error"));
        HttpResponse<String> verified = browser.send(HttpRequest.newBuilder(URI.create(base
                + "/oauth2/device_verification?user_code=" + URLEncoder.encode(code.get("user_code").asString(),
                StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(verified.body()).as("the person confirms the code they were shown")
                .contains(code.get("user_code").asString());
        Matcher state = STATE.matcher(verified.body());
        assertThat(state.find()).isTrue();
        HttpResponse<String> consented = browser.send(form(base + "/oauth2/device_verification",
                Map.of("client_id", "opencloud-cli", "state", state.group(1), "scope", "api",
                        "user_code", code.get("user_code").asString())), HttpResponse.BodyHandlers.ofString());
        assertThat(consented.headers().firstValue("Location")).as(consented.statusCode() + " " + consented.body())
                .hasValueSatisfying(location -> assertThat(location).contains("success"));

        HttpResponse<String> granted = cli.send(form(base + "/oauth2/token", Map.of("client_id", "opencloud-cli",
                "grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", code.get("device_code").asString())), HttpResponse.BodyHandlers.ofString());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        Http asAna = http().as(Http.JSON.readTree(granted.body()).get("access_token").asString());
        assertThat(asAna.get("/sagas").statusCode()).isEqualTo(200);
        assertThat(asAna.get("/tenants/" + tenant).statusCode()).isEqualTo(200);
        assertThat(asAna.get("/tenants/" + tenant + "/accounts").statusCode()).as("an operator, not an admin")
                .isEqualTo(403);
    }

    private static HttpRequest form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("the login page carries a CSRF token").isTrue();
        return matcher.group(1);
    }
}
