type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
const SHAPED_BY = ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'const', 'enum'];

/**
 * What makes a document vague for generated clients, beyond what the OpenAPI linter checks: a property
 * without a type (openapi-typescript makes `unknown` of it), an object without properties (a
 * `Record<string, never>`), an id parameter that is not a UUID, an error answer without a body, an
 * operation without a description or 404 for its path ids. Returns one line per problem.
 */
export function findVagueSchemas(document: Json): string[] {
  const problems: string[] = [];
  const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  for (const [name, schema] of Object.entries(schemas)) checkSchema(schema, `components.schemas.${name}`, problems);

  const declaredTags = new Set(((document.tags ?? []) as { name: string }[]).map((t) => t.name));
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Json>)) {
    for (const [method, value] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const operation = value as Json;
      const where = `${method.toUpperCase()} ${path}`;
      if (!operation.summary || !operation.description) problems.push(`${where}: needs a summary and a description`);
      for (const tag of (operation.tags ?? []) as string[]) if (!declaredTags.has(tag)) problems.push(`${where}: tag "${tag}" is not declared`);
      const parameters = (operation.parameters ?? []) as Json[];
      for (const parameter of parameters) {
        const schema = (parameter.schema ?? {}) as Json;
        if (!schema.type && !schema.$ref && !schema.enum) problems.push(`${where}: parameter ${String(parameter.name)} has no type`);
        if (parameter.in === 'path' && /^(id|.+Id)$/.test(String(parameter.name)) && schema.format !== 'uuid') {
          problems.push(`${where}: path id ${String(parameter.name)} is not documented as format uuid`);
        }
      }
      const responses = (operation.responses ?? {}) as Record<string, Json>;
      if (parameters.some((p) => p.in === 'path') && !responses['404']) problems.push(`${where}: takes ids in its path but lists no 404`);
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400 && !response.content) problems.push(`${where}: answers ${status} without a body schema`);
        if (Number(status) < 300 && !response.content && !response.description) {
          problems.push(`${where}: declares no answer (${status} is Nest's stand-in): add @ApiOkResponse/@ApiCreatedResponse/@ApiNoContentResponse`);
        }
      }
    }
  }
  return problems;
}

function checkSchema(schema: Json, at: string, problems: string[]) {
  const type = schema.type;
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  const noProperties = !schema.properties || Object.keys(schema.properties).length === 0;
  if (types.includes('object') && noProperties && schema.additionalProperties === undefined && !schema.allOf && !schema.oneOf && !schema.anyOf) {
    problems.push(`${at}: an object without properties (a nullable field without its real type, or a DTO without @ApiProperty?)`);
  }
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
    if (!SHAPED_BY.some((key) => key in property) && name !== 'details') problems.push(`${at}.${name}: has no type`);
    checkSchema(property, `${at}.${name}`, problems);
  }
  if (schema.items && typeof schema.items === 'object') checkSchema(schema.items as Json, `${at}[]`, problems);
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    for (const [i, member] of ((schema[key] ?? []) as Json[]).entries()) checkSchema(member, `${at}.${key}[${i}]`, problems);
  }
}
