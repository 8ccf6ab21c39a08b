// A tiny element builder: h("p", {class: "x"}, "text", child). Text is always set as text, never HTML.

export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** Replaces the children of the element with the given id. */
export function fill(id, ...children) {
  document.getElementById(id).replaceChildren(...children.flat().filter(Boolean));
}

export function setText(id, text) {
  document.getElementById(id).textContent = text;
}
