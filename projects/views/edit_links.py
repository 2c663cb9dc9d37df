"""Editor: relationships and indexes."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_POST

from designer import ops
from projects.forms.editor import IndexForm
from projects.forms.relationships import RelationshipForm
from projects.views.editing import commit, editable_project, invalid_form


@login_required
@require_POST
def relationship_add(request, project_id: int):
    project, schema = editable_project(request, project_id)
    form = RelationshipForm(request.POST, schema=schema)
    # The form lives in the "from" entity's editor: errors must show there even when
    # the request came from elsewhere.
    selected = request.POST.get("selected") or request.POST.get("from_entity") or None
    if not form.is_valid():
        return invalid_form(request, project, form_slot="new-relationship", form=form, selected=selected)
    return commit(request, project, form.to_op(), form_slot="new-relationship", form=form, selected=selected)


@login_required
@require_POST
def relationship_delete(request, project_id: int, relationship_id: str):
    """Deleting a many-to-many also deletes the join entity the editor made for it."""
    project, schema = editable_project(request, project_id)
    relationship = schema.relationship(relationship_id)
    if relationship is None:
        raise Http404("No such relationship (it may have been deleted)")
    op = ops.RemoveRelationship(relationship_id=relationship.id)
    if relationship.join_entity_id and schema.entity(relationship.join_entity_id):
        op = ops.Batch(ops=(op, ops.RemoveEntity(entity_id=relationship.join_entity_id)))
    return commit(request, project, op, selected=request.POST.get("selected") or None)


@login_required
@require_POST
def index_add(request, project_id: int, entity_id: str):
    project, schema = editable_project(request, project_id)
    entity = schema.entity(entity_id)
    if entity is None:
        raise Http404("No such entity")
    form = IndexForm(request.POST, schema=schema, entity=entity)
    if not form.is_valid():
        return invalid_form(request, project, form_slot="new-index", form=form, selected=entity.id)
    return commit(request, project, form.to_op(), form_slot="new-index", form=form, selected=entity.id)


@login_required
@require_POST
def index_delete(request, project_id: int, entity_id: str, index_id: str):
    project, schema = editable_project(request, project_id)
    entity = schema.entity(entity_id)
    if entity is None or not any(i.id == index_id for i in entity.indexes):
        raise Http404("No such index")
    return commit(request, project, ops.RemoveIndex(entity_id=entity.id, index_id=index_id), selected=entity.id)
