package dev.herald.activities.group;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** Groups by owner and key: every query names the owner, so one sender's key never finds another's group. */
interface RecipientGroupRepository extends ListCrudRepository<RecipientGroup, Long> {

  @Query("select * from recipient_group where owner = :owner and key = :key")
  Optional<RecipientGroup> findByKey(@Param("owner") String owner, @Param("key") String key);

  /** 1 when created; 0 when the owner has a group with this key already. */
  @Modifying
  @Query("""
      insert into recipient_group (owner, key, name, created_at, updated_at) values (:owner, :key, :name, now(), now())
      on conflict (owner, key) do nothing""")
  int insertIfAbsent(@Param("owner") String owner, @Param("key") String key, @Param("name") String name);

  @Modifying
  @Query("update recipient_group set name = :name, updated_at = now() where owner = :owner and key = :key")
  int rename(@Param("owner") String owner, @Param("key") String key, @Param("name") String name);

  @Modifying
  @Query("delete from recipient_group where owner = :owner and key = :key")
  int deleteByKey(@Param("owner") String owner, @Param("key") String key);

  @Query("select * from recipient_group where owner = :owner and key > :after order by key limit :limit")
  List<RecipientGroup> page(@Param("owner") String owner, @Param("after") String after, @Param("limit") int limit);

  @Query("select count(*) from group_member where group_id = :groupId")
  long size(@Param("groupId") long groupId);
}
