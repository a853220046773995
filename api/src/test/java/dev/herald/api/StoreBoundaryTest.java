package dev.herald.api;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.herald.activities.delivery.DeliveryCounts;
import dev.herald.activities.template.TemplateRenderer;
import org.springframework.data.repository.Repository;

/**
 * The API reaches the stores it shares with the workers through activities' services
 * (NotificationHistory, Inbox, Templates, RecipientGroups, ...): never through a repository, SQL of
 * its own or the channels' renderer, which the workers share across activities' packages and so are
 * public there. The rest of each store is package-private, and the compiler keeps it so.
 */
@AnalyzeClasses(packages = "dev.herald.api", importOptions = ImportOption.DoNotIncludeTests.class)
class StoreBoundaryTest {

  @ArchTest
  static final ArchRule noRepositories = noClasses().that().resideInAPackage("dev.herald.api..")
      .should().dependOnClassesThat(assignableTo(Repository.class))
      .because("a store is read and written through its service in activities");

  @ArchTest
  static final ArchRule noSqlOfItsOwn = noClasses().that().resideInAPackage("dev.herald.api..")
      .should().dependOnClassesThat(resideInAPackage("org.springframework.jdbc.."))
      .because("SQL on the shared tables belongs to the store that owns them");

  @ArchTest
  static final ArchRule noWorkerInternals = noClasses().that().resideInAPackage("dev.herald.api..")
      .should().dependOnClassesThat(describe("are the workers' renderer or delivery counts",
          (JavaClass c) -> c.isEquivalentTo(TemplateRenderer.class) || c.isEquivalentTo(DeliveryCounts.class)))
      .because("previews go through Templates and counts through NotificationHistory");
}
