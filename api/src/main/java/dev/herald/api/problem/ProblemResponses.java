package dev.herald.api.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems an operation answers besides those every operation may (400, 406, 500; 413 and 415
 * with a body): the OpenAPI document lists them as its {@code application/problem+json} responses.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {
  ProblemType[] value();
}
