package dev.herald.api.openapi;

import dev.herald.api.web.TextRule;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import org.springdoc.core.customizers.PropertyCustomizer;

/** A {@link TextRule}'s length as the property's maxLength, and its kind in words, as for Bean Validation's own. */
class TextRuleLengths implements PropertyCustomizer {

  @Override
  public Schema customize(Schema property, AnnotatedType type) {
    Annotation[] annotations = type.getCtxAnnotations();
    if (annotations == null) {
      return property;
    }
    Arrays.stream(annotations).filter(TextRule.class::isInstance).map(TextRule.class::cast).findFirst()
        .ifPresent(rule -> {
          property.setMaxLength(rule.max());
          if (property.getDescription() == null) {
            property.setDescription(switch (rule.value()) {
              case LINE -> "one line: no control characters, U+0000 or unpaired surrogates";
              case TEXT -> "text: line breaks and tabs allowed, no other control characters, U+0000 or unpaired surrogates";
              case TOKEN -> "a token: one line without spaces or '/'";
            });
          }
        });
    return property;
  }
}
