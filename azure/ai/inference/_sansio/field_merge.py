"""The general rule of stream accumulation, for the fields without a rule of their own (no I/O).

Objects are merged key by key; list items with an integer ``index`` merge into the item of the same
index and other items are appended; the keys named as text fragments concatenate their strings; any
other value is the last non-null one (null values are skipped).
"""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, List, Mapping, Optional, Tuple

from .._model_base import wire_mapping

__all__ = ["NO_TEXTS", "OtherFields", "merge_fields", "owned"]

NO_TEXTS: FrozenSet[str] = frozenset()
_SCALARS = (str, int, float, bool)


def merge_fields(target: Dict[str, Any], fragment: Mapping[str, Any], texts: FrozenSet[str] = NO_TEXTS) -> None:
    """Merge the non-null fields of ``fragment`` into ``target``.

    :param target: The accumulated object (changed in place; it owns its nested values).
    :type target: dict[str, Any]
    :param fragment: The object as received in one event (not changed, nothing of it is shared).
    :type fragment: Mapping[str, Any]
    :param texts: The keys whose string values are text fragments, concatenated.
    :type texts: frozenset[str]
    """
    for key, value in fragment.items():
        if value is None:
            continue
        old = target.get(key)
        if old is None:
            target[key] = owned(value)
        elif key in texts and isinstance(old, str) and isinstance(value, str):
            target[key] = old + value
        else:
            target[key] = merged(old, value, NO_TEXTS)


def merged(old: Any, new: Any, texts: FrozenSet[str] = NO_TEXTS) -> Any:
    """The accumulated value of a field after a non-null ``new`` value arrived.

    :param old: The accumulated value (changed in place when it is an object or a list).
    :type old: Any
    :param new: The value received.
    :type new: Any
    :param texts: The keys of list items or object fields whose strings are concatenated.
    :type texts: frozenset[str]
    :return: The new accumulated value.
    :rtype: Any
    """
    if isinstance(old, dict):
        new_mapping = wire_mapping(new)
        if new_mapping is not None:
            merge_fields(old, new_mapping, texts)
            return old
    elif isinstance(old, list) and isinstance(new, (list, tuple)):
        for item in new:
            _merge_item(old, item, texts)
        return old
    return owned(new)


def _merge_item(target: List[Any], item: Any, texts: FrozenSet[str]) -> None:
    """An item with an integer ``index`` merges into the item of the same index; another is appended."""
    mapping = wire_mapping(item)
    index = mapping.get("index") if mapping is not None else None
    same = _item_with_index(target, index) if type(index) is int else None  # pylint: disable=unidiomatic-typecheck
    if same is not None and mapping is not None:
        merge_fields(same, mapping, texts)
    else:
        target.append(owned(item))


def _item_with_index(items: List[Any], index: int) -> Optional[Dict[str, Any]]:
    for item in items:
        if isinstance(item, dict) and item.get("index") == index:
            return item
    return None


def owned(value: Any) -> Any:
    """A copy of a JSON value (objects and lists copied, models as their wire data) that merges may change.

    :param value: A value as received.
    :type value: Any
    :return: The copy.
    :rtype: Any
    """
    if isinstance(value, _SCALARS):
        return value
    mapping = wire_mapping(value)
    if mapping is not None:
        return {key: owned(item) for key, item in mapping.items()}
    if isinstance(value, (list, tuple)):
        return [owned(item) for item in value]
    return value


class OtherFields:
    """Fields merged by the general rule, kept by name (the extras of an event, a choice or a message).

    A value equal to the previous one of the same field, when merging it again changes nothing (an
    object without lists: e.g. Azure's ``content_filter_results``, repeated on most events), costs one
    comparison.
    """

    def __init__(self, texts: Optional[Mapping[str, FrozenSet[str]]] = None) -> None:
        self.values: Dict[str, Any] = {}
        self._texts = texts or {}  # field -> the keys of its items whose strings are text fragments
        # field -> (its last value, the merged value after it), when merging that value again is a no-op
        self._previous: Dict[str, Tuple[Any, Any]] = {}

    def add(self, key: str, value: Any) -> None:
        """Merge the value received for one field (a null is skipped).

        :param key: The field name.
        :type key: str
        :param value: The value received.
        :type value: Any
        """
        if value is None:
            return
        values = self.values
        if isinstance(value, _SCALARS):
            values[key] = value
            return
        old = values.get(key)
        previous = self._previous.get(key)
        if previous is not None and previous[1] is old and previous[0] == value:
            return
        texts = self._texts.get(key, NO_TEXTS)
        values[key] = new = owned(value) if old is None else merged(old, value, texts)
        if not texts and _merges_idempotently(value):
            self._previous[key] = (value, new)
        else:
            self._previous.pop(key, None)

    def snapshot(self) -> Dict[str, Any]:
        """A copy of the merged values.

        :return: Field name to merged value.
        :rtype: dict[str, Any]
        """
        return {key: owned(value) for key, value in self.values.items()}


def _merges_idempotently(value: Any) -> bool:
    """Whether merging ``value`` a second time changes nothing: a JSON object of objects and scalars."""
    if type(value) is not dict:  # pylint: disable=unidiomatic-typecheck
        return isinstance(value, _SCALARS)
    return all(item is None or _merges_idempotently(item) for item in value.values())
