"""The Redis cache keeps one client per connection pool: Django's built a new ``redis.Redis``
(copying its table of response callbacks) on every cache call. Nothing here connects."""

import pytest


def test_every_call_gets_the_same_client_of_a_pool():
    pytest.importorskip("redis")
    from siteshell.cache import RedisCache

    cache = RedisCache("redis://127.0.0.1:6379/13", {})
    client = cache._cache.get_client("a")
    assert cache._cache.get_client("b", write=True) is client
    assert client.connection_pool is cache._cache._get_connection_pool(write=True)


def test_two_servers_keep_a_client_each():
    pytest.importorskip("redis")
    from siteshell.cache import RedisCache

    cache = RedisCache("redis://127.0.0.1:6379/13,redis://127.0.0.1:6379/14", {})
    writer = cache._cache.get_client(write=True)
    reader = cache._cache.get_client()  # reads go to the replica when there is one
    assert writer is not reader
    assert writer.connection_pool.connection_kwargs["db"] == 13
    assert reader.connection_pool.connection_kwargs["db"] == 14
