"""Editor: relationships and indexes."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_POST

from designer import ops
from designer.diagram.dot import entity_dom_id
from designer.keys import points_at_non_unique, reversed_relationship, reversible_references
from designer.schema import Cardinality
from projects.access import ProjectRequest
from projects.forms.editor import IndexForm
from projects.forms.relationships import RelationshipForm
from projects.views.editing import commit, commit_form, editable_project, panel_response


@login_required
@require_POST
def relationship_add(request: ProjectRequest, project_id: int):
    project, schema = editable_project(request, project_id)
    form = RelationshipForm(request.POST, schema=schema)
    # The form lives in the "from" entity's editor: errors must show there even when
    # the request came from elsewhere.
    selected = request.POST.get("selected") or request.POST.get("from_entity") or None
    return commit_form(request, project, form, slot="new-relationship", selected=selected)


@login_required
@require_POST
def relationship_draw(request: ProjectRequest, project_id: int):
    """A line drawn in the diagram from a column to a column (tables named by their
    drawing's ids, columns by name): the first column holds the key and refers to the
    second, which must be unique, as with the form."""
    project, schema = editable_project(request, project_id)
    drawn = {entity_dom_id(e.id): e for e in schema.entities}
    source, target = drawn.get(request.POST.get("from_node", "")), drawn.get(request.POST.get("to_node", ""))
    field = source.field_by_name(request.POST.get("from_column", "")) if source else None
    if field is None or target is None:
        message = "Draw the line from a column of one table onto a column of another."
        return panel_response(request, project, status=422, errors=[message], selected=request.POST.get("selected"))
    data = {
        "from_entity": source.id,
        "from_field": field.id,
        "to_entity": target.id,
        "to_field": request.POST.get("to_column", ""),
        "cardinality": Cardinality.ONE_TO_MANY.value,
    }
    form = RelationshipForm(data, schema=schema)
    if not form.is_valid():
        errors = [f"Not linked: {error}" for errors in form.errors.values() for error in errors]
        return panel_response(request, project, status=422, errors=errors, selected=source.id)
    return commit(request, project, form.to_op(), selected=source.id)


@login_required
@require_POST
def relationship_delete(request: ProjectRequest, project_id: int, relationship_id: str):
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
def relationship_reverse(request: ProjectRequest, project_id: int, relationship_id: str):
    """The other side holds the key; refused when that side is not a key either."""
    project, schema = editable_project(request, project_id)
    relationship = schema.relationship(relationship_id)
    if relationship is None or relationship.cardinality is Cardinality.MANY_TO_MANY:
        raise Http404("No such relationship (it may have been deleted)")
    selected = request.POST.get("selected") or None
    if points_at_non_unique({e.id: e for e in schema.entities}, reversed_relationship(relationship)):
        target = schema.entity(relationship.from_entity_id)
        names = ", ".join(f.name for f in target.fields if f.id in relationship.from_field_ids)
        message = (
            f"Reversed, the key would point at {target.name} ({names}), which is not unique: "
            f"add a unique key on {target.name} ({names}) first."
        )
        return panel_response(request, project, status=422, errors=[message], selected=selected)
    return commit(request, project, ops.ReverseRelationship(relationship_id=relationship.id), selected=selected)


@login_required
@require_POST
def relationships_reverse_all(request: ProjectRequest, project_id: int):
    """Every reference to a non-unique column whose other side is a key, reversed in one edit."""
    project, schema = editable_project(request, project_id)
    found = reversible_references(schema)
    selected = request.POST.get("selected") or None
    if not found:
        return panel_response(
            request, project, status=422, errors=["No reference points the wrong way."], selected=selected
        )
    op = ops.Batch(ops=tuple(ops.ReverseRelationship(relationship_id=r.id) for r in found))
    return commit(request, project, op, selected=selected)


@login_required
@require_POST
def index_add(request: ProjectRequest, project_id: int, entity_id: str):
    project, schema = editable_project(request, project_id)
    entity = schema.entity(entity_id)
    if entity is None:
        raise Http404("No such entity")
    form = IndexForm(request.POST, schema=schema, entity=entity)
    return commit_form(request, project, form, slot="new-index", selected=entity.id)


@login_required
@require_POST
def index_delete(request: ProjectRequest, project_id: int, entity_id: str, index_id: str):
    project, schema = editable_project(request, project_id)
    entity = schema.entity(entity_id)
    if entity is None or not any(i.id == index_id for i in entity.indexes):
        raise Http404("No such index")
    return commit(request, project, ops.RemoveIndex(entity_id=entity.id, index_id=index_id), selected=entity.id)
