package dev.herald.activities.group;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface RecipientGroupRepository extends ListCrudRepository<RecipientGroup, Long> {

  @Query("select * from recipient_group where key = :key")
  Optional<RecipientGroup> findByKey(@Param("key") String key);

  /** 1 when created; 0 when the key is taken. */
  @Modifying
  @Query("""
      insert into recipient_group (key, name, created_at, updated_at) values (:key, :name, now(), now())
      on conflict (key) do nothing""")
  int insertIfAbsent(@Param("key") String key, @Param("name") String name);

  @Modifying
  @Query("update recipient_group set name = :name, updated_at = now() where key = :key")
  int rename(@Param("key") String key, @Param("name") String name);

  @Modifying
  @Query("delete from recipient_group where key = :key")
  int deleteByKey(@Param("key") String key);

  @Query("select * from recipient_group where key > :after order by key limit :limit")
  List<RecipientGroup> page(@Param("after") String after, @Param("limit") int limit);

  @Query("select count(*) from group_member where group_id = :groupId")
  long size(@Param("groupId") long groupId);
}
