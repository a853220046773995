package dev.herald.activities.template;

import dev.herald.activities.TestPostgres;
import dev.herald.activities.PersistenceConfig;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The template tests' context for {@code @DataJdbcTest}: a real PostgreSQL (zonky) migrated by Flyway,
 * behind the template store. Shared by the template store tests (Spring caches the context).
 */
@SpringBootConfiguration
@Import({TestPostgres.class, PersistenceConfig.class, Templates.class, TemplateVersionRepository.class, TemplateRenderer.class})
class TemplateTestApplication {}
