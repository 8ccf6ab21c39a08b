package io.ledgerstream.api.http.dto;

import io.ledgerstream.api.http.error.BadRequestException;
import io.ledgerstream.schemas.avro.NotificationSettings;
import io.ledgerstream.schemas.avro.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The {@code notifications} part of the settings: a webhook URL (http or https) and an e-mail address,
 * each optional; the least severity sent (INFO by default); quiet hours as two hours of the day in
 * the user's time zone, both or neither.
 */
public record NotificationsRequest(String webhookUrl, String email, String minSeverity, Integer quietHoursFrom,
                                   Integer quietHoursTo) {

    /** What {@link #toSettings()} made: the part of a GET of the settings; null for none. */
    public static NotificationsRequest of(NotificationSettings settings) {
        if (settings == null) {
            return null;
        }
        return new NotificationsRequest(settings.getWebhookUrl(), settings.getEmail(), settings.getMinSeverity().name(),
                settings.getQuietHoursFrom(), settings.getQuietHoursTo());
    }

    /** @throws BadRequestException naming the first invalid field */
    public NotificationSettings toSettings() {
        if ((quietHoursFrom == null) != (quietHoursTo == null)) {
            throw new BadRequestException("notifications: give both quietHoursFrom and quietHoursTo, or neither");
        }
        hour(quietHoursFrom, "quietHoursFrom");
        hour(quietHoursTo, "quietHoursTo");
        return NotificationSettings.newBuilder()
                .setWebhookUrl(webhookUrl == null || webhookUrl.isBlank() ? null : webhook(webhookUrl.strip()))
                .setEmail(email == null || email.isBlank() ? null : email(email.strip()))
                .setMinSeverity(severity())
                .setQuietHoursFrom(quietHoursFrom)
                .setQuietHoursTo(quietHoursTo)
                .build();
    }

    private static String webhook(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new BadRequestException("notifications.webhookUrl must be an http or https URL");
    }

    private static String email(String address) {
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at == address.length() - 1 || address.contains(" ")) {
            throw new BadRequestException("notifications.email is not an e-mail address");
        }
        return address;
    }

    private Severity severity() {
        if (minSeverity == null || minSeverity.isBlank()) {
            return Severity.INFO;
        }
        try {
            return Severity.valueOf(minSeverity.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("notifications.minSeverity must be INFO, WARNING or CRITICAL");
        }
    }

    private static void hour(Integer hour, String field) {
        if (hour != null && (hour < 0 || hour > 23)) {
            throw new BadRequestException("notifications." + field + " must be an hour from 0 to 23");
        }
    }
}
