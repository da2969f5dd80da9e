"""Rich text is cleaned whenever a model is saved, whoever wrote it: editor, import or script."""

from django.db.models.signals import pre_save
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

from quietroom.security.sanitize import clean_rich_text


def clean_block_value(block, value):
    """`value` of `block` with every rich text inside it cleaned for that block's features."""
    if isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else value
        cleaned = clean_rich_text(source or "", block.features)
        return value if cleaned == source else RichText(cleaned)
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            child.value = clean_block_value(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for child in value.bound_blocks:
            child.value = clean_block_value(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            if name in value:
                value[name] = clean_block_value(child_block, value[name])
    return value


def clean_instance(instance) -> None:
    """Clean the rich text fields and the rich text inside stream fields of `instance`."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, RichTextField):
            value = getattr(instance, field.attname)
            setattr(instance, field.attname, clean_rich_text(value, field.features))
        elif isinstance(field, StreamField) and has_rich_text(field.stream_block):
            value = getattr(instance, field.attname)
            setattr(instance, field.attname, clean_block_value(field.stream_block, value))


def has_rich_text(block) -> bool:
    if isinstance(block, blocks.RichTextBlock):
        return True
    children = list(getattr(block, "child_blocks", {}).values())
    if hasattr(block, "child_block"):
        children.append(block.child_block)
    return any(has_rich_text(child) for child in children)


def clean_before_save(sender, instance, raw=False, **kwargs):
    # A fixture (a restore's loaddata) holds rows that were cleaned when they were saved, and
    # walking a stream field then would turn its links to pages not yet loaded into nothing.
    if raw:
        return
    clean_instance(instance)


def connect() -> None:
    pre_save.connect(clean_before_save, dispatch_uid="quietroom.security.clean_rich_text")
