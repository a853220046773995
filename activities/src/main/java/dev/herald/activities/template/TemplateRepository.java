package dev.herald.activities.template;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface TemplateRepository extends ListCrudRepository<Template, String> {

  @Query("select * from notification_template where template_key = :key")
  Optional<Template> findByKey(@Param("key") String key);

  /** Locks the template's row for the transaction (versions are numbered under it); 0 when unknown. */
  @Query("select count(*) from (select 1 from notification_template where template_key = :key for update) locked")
  int lock(@Param("key") String key);

  @Query("select * from notification_template where owner = :owner order by template_key")
  List<Template> findByOwner(@Param("owner") String owner);

  @Query("select * from notification_template order by template_key")
  List<Template> findAllByKey();

  /** 1 when created; 0 when the key is taken. */
  @Modifying
  @Query("""
      insert into notification_template (template_key, owner, description, created_at, updated_at)
      values (:key, :owner, :description, now(), now())
      on conflict (template_key) do nothing""")
  int insertIfAbsent(@Param("key") String key, @Param("owner") String owner, @Param("description") String description);

  @Modifying
  @Query("update notification_template set active_version = :version, updated_at = now() where template_key = :key")
  int activate(@Param("key") String key, @Param("version") int version);

  @Modifying
  @Query("delete from notification_template where template_key = :key and active_version is null")
  int deleteUnpublished(@Param("key") String key);
}
