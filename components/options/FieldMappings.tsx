// Placeholder: the "字段对应" (user-taught label mappings) editor is built with the autofill engine.
export function FieldMappings() {
  return <section data-testid="field-mappings" />;
}
