/**
 * The forms of the processes' user tasks, one form-js file (`<formKey>.form`, @bpmn-io/form-js
 * 1.23 schema) per formKey. The server checks answers against them and hands them to the pages,
 * which render them with form-js; see README, "Forms".
 */
export const formsDirectory = new URL('./', import.meta.url);
