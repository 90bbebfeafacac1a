"""Sphinx configuration of the API reference (``make docs``; output in docs/_build/html)."""

from __future__ import annotations

import os
import sys
from typing import Any, List, Optional, Tuple

sys.path.insert(0, os.path.abspath(".."))

from azure.ai.inference import __version__  # noqa: E402
from docutils import nodes  # noqa: E402
from sphinx.application import Sphinx  # noqa: E402
from sphinx.domains.python import PythonDomain  # noqa: E402

project = "azure-ai-inference"
author = "azure-ai-inference contributors"
copyright = "Microsoft Corporation (MIT License)"
version = release = __version__

extensions = ["sphinx.ext.autodoc", "sphinx.ext.viewcode"]

exclude_patterns = ["_build", "*.md"]
root_doc = "index"
html_theme = "alabaster"
html_static_path: List[str] = []

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {
    "members": True,
    "show-inheritance": True,
}
# The clients' docstrings describe the constructor; keep __init__'s own text out of the class text.
autoclass_content = "class"

# Sphinx resolves a bare `type` (as in `type[pydantic.BaseModel]`) against every attribute named `type`
# (ContentItem.type, ...) and warns that the target is ambiguous: the builtin is meant, so `type` is
# never looked up among the documented objects.
_find_obj = PythonDomain.find_obj


def _find_obj_except_builtin_type(
    self: PythonDomain, env: Any, modname: str, classname: str, name: str, type: Optional[str], searchmode: int = 0
) -> List[Any]:
    if name == "type":
        return []
    return _find_obj(self, env, modname, classname, name, type, searchmode)


PythonDomain.find_obj = _find_obj_except_builtin_type  # type: ignore[method-assign]

nitpicky = True
# Names of other packages: without network access there is no intersphinx inventory to link them to.
nitpick_ignore_regex = [
    ("py:.*", r"(azure\.core|builtins|enum|os|pathlib|datetime|pydantic|typing|collections|opentelemetry)(\..*)?"),
    ("py:.*", r".*\._ModelT"),
    ("py:.*", r"(Async)?HttpResponse"),
    # the keyword TypedDicts (types page) name these unqualified, from their annotations
    ("py:.*", r"(logging|typing_extensions)(\..*)?"),
    ("py:.*", r"Pipeline(Request|Response)|HttpResponseError"),
]
_PUBLIC_MODULES = ("azure.ai.inference.models", "azure.ai.inference", "azure.ai.inference.prompts")
# Documented on the types page because public signatures name them.
_DOCUMENTED_PRIVATE_MODULES = ("azure.ai.inference._types", "azure.ai.inference._keywords", "azure.ai.inference.prompts._prompty")


def _public_name(target: str) -> List[str]:
    """Where a private path (``_models.X``, ``azure.ai.inference.aio._client.X``) is documented publicly."""
    parts = target.split(".")
    first_private = next((index for index, part in enumerate(parts) if part.startswith("_")), None)
    if first_private is None:
        return []
    prefix = ".".join(parts[:first_private])
    candidates = [prefix] if prefix.startswith("azure.ai.inference") else []
    return [f"{module}.{parts[-1]}" for module in candidates + list(_PUBLIC_MODULES)]


def _candidates(target: str) -> List[str]:
    """Public (or documented private) names a reference may mean."""
    if "." not in target:
        return [f"{module}.{target}" for module in _PUBLIC_MODULES + _DOCUMENTED_PRIVATE_MODULES]
    return _public_name(target) + [target]


def _resolve_private_path(app: Sphinx, env: Any, node: Any, contnode: Any) -> Optional[Any]:
    if node.get("refdomain") != "py":
        return None
    domain = env.get_domain("py")
    for candidate in _candidates(node["reftarget"]):
        if candidate in domain.objects:
            return domain.resolve_xref(env, node["refdoc"], app.builder, "obj", candidate, node, contnode)
    return None


def _shorten_private_link_texts(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A link reading ``_models.X`` (a string annotation) reads ``X``: it already points at the public name."""
    for reference in doctree.findall(nodes.reference):
        for text in list(reference.findall(nodes.Text)):
            if text.astext().startswith("_") and "." in text.astext():
                text.parent.replace(text, nodes.Text(text.astext().rsplit(".", 1)[-1]))


def _is_documented(base: type) -> bool:
    module = base.__module__
    exported = any(getattr(sys.modules.get(public), base.__name__, None) is base for public in _PUBLIC_MODULES)
    return (
        exported
        or base.__name__ == "Model"
        or module.startswith(("azure.core", "enum", "builtins"))
        or not any(part.startswith("_") for part in module.split("."))
    )


def _documented_bases(bases: Tuple[type, ...]) -> List[type]:
    """A private base is replaced by its own bases, until documented ones are reached."""
    found: List[type] = []
    for base in bases:
        for documented in [base] if _is_documented(base) else _documented_bases(base.__bases__):
            if documented not in found:
                found.append(documented)
    return found


def _public_bases(app: Sphinx, name: str, obj: Any, options: Any, bases: List[type]) -> None:
    """Show the documented bases only: ``models.ChatCompletions`` derives from ``Model``, not ``_models...``."""
    bases[:] = _documented_bases(tuple(bases)) or [object]


def setup(app: Sphinx) -> None:
    app.connect("missing-reference", _resolve_private_path)
    app.connect("doctree-resolved", _shorten_private_link_texts)
    app.connect("autodoc-process-bases", _public_bases)
