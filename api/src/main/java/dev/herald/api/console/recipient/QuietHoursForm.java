package dev.herald.api.console.recipient;

import dev.herald.activities.preference.QuietHoursSetting;
import dev.herald.api.preference.QuietHoursInput;
import java.util.List;

/** The recipient page's quiet hours form, as typed; its fields are named as the API's ({@code quietHours.start} ...). */
record QuietHoursForm(String start, String end, String timeZone) {

  static final QuietHoursForm BLANK = new QuietHoursForm("", "", "");
  static final List<String> FIELDS = List.of(QuietHoursInput.START, QuietHoursInput.END, QuietHoursInput.TIME_ZONE);

  static QuietHoursForm of(QuietHoursSetting setting) {
    return setting == null ? BLANK : new QuietHoursForm(setting.start().toString(), setting.end().toString(),
        setting.timeZone() == null ? "" : setting.timeZone());
  }
}
