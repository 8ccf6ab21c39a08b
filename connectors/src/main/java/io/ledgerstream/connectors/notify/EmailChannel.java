package io.ledgerstream.connectors.notify;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.NotificationSettings;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends each alert as a plain-text e-mail through an SMTP server, given as
 * {@code smtp://[user:password@]host[:port]} ({@code smtps://} for TLS from the start; plain smtp
 * upgrades with STARTTLS where the server offers it). A refused recipient will not pass on another
 * attempt; a server that cannot be reached may.
 */
public final class EmailChannel implements Channel {

    private final Session session;
    private final InternetAddress from;

    public EmailChannel(String smtpUrl, String from, Duration timeout) {
        URI uri = URI.create(smtpUrl);
        boolean tls = "smtps".equalsIgnoreCase(uri.getScheme());
        String protocol = tls ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", uri.getHost());
        properties.put("mail." + protocol + ".port", Integer.toString(uri.getPort() > 0 ? uri.getPort() : tls ? 465 : 25));
        properties.put("mail." + protocol + ".connectiontimeout", Long.toString(timeout.toMillis()));
        properties.put("mail." + protocol + ".timeout", Long.toString(timeout.toMillis()));
        properties.put("mail." + protocol + ".writetimeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.starttls.enable", "true");
        Authenticator authenticator = null;
        if (uri.getRawUserInfo() != null) {
            String[] credentials = uri.getRawUserInfo().split(":", 2);
            String user = URLDecoder.decode(credentials[0], StandardCharsets.UTF_8);
            String password = credentials.length > 1 ? URLDecoder.decode(credentials[1], StandardCharsets.UTF_8) : "";
            properties.put("mail." + protocol + ".auth", "true");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(properties, authenticator);
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("notify.smtp.from is not an e-mail address: " + from, e);
        }
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public Optional<String> address(NotificationSettings settings) {
        return Optional.ofNullable(settings.getEmail()).filter(email -> !email.isBlank());
    }

    @Override
    public void send(Alert alert, String address) throws DeliveryException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
            message.setSubject("Ledgerstream " + alert.getSeverity() + ": " + alert.getMessage(), "UTF-8");
            message.setSentDate(Date.from(alert.getCreatedAt()));
            message.setHeader("X-Ledgerstream-Alert-Id", alert.getAlertId());
            message.setText(alert.getMessage() + "\n\n" + details(alert), "UTF-8");
            Transport.send(message);
        } catch (SendFailedException e) {
            throw new DeliveryException("the mail server refused the recipient: " + e.getMessage(), false, e);
        } catch (MessagingException e) {
            throw new DeliveryException("cannot send the e-mail: " + e.getMessage(), true, e);
        }
    }

    private static String details(Alert alert) {
        StringBuilder text = new StringBuilder();
        text.append("Type: ").append(alert.getType()).append('\n');
        if (alert.getTransactionId() != null) {
            text.append("Transaction: ").append(alert.getTransactionId()).append('\n');
        }
        if (alert.getMonth() != null) {
            text.append("Month: ").append(alert.getMonth()).append('\n');
        }
        text.append("Alert id: ").append(alert.getAlertId()).append('\n');
        return text.toString();
    }
}
