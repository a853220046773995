package dev.herald.workflows.sms;

import dev.herald.workflows.messages.ProviderReceipt;
import dev.herald.workflows.messages.SmsMessage;
import io.temporal.activity.ActivityInterface;

/** Sends SMS. Runs on the {@code sms} task queue. Failures as described on {@code EmailActivities}. */
@ActivityInterface
public interface SmsActivities {

  ProviderReceipt sendSms(SmsMessage message);
}
