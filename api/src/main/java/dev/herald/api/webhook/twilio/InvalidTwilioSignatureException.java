package dev.herald.api.webhook.twilio;

/** A webhook request whose {@code X-Twilio-Signature} is missing or wrong: not from Twilio. */
class InvalidTwilioSignatureException extends RuntimeException {

  InvalidTwilioSignatureException() {
    super("X-Twilio-Signature is missing or does not match the request");
  }
}
