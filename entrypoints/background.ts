export default defineBackground(() => {
  // Message routing is added by the profile store and the invoice features.
});
