package dev.herald.activities;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** Spring Data JDBC repositories live in the activities module, whichever app hosts them. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackages = "dev.herald.activities")
public class PersistenceConfig {}
