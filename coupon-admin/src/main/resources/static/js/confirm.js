// A form with data-confirm asks before it submits: the browser's own dialog, keyboard-operable.
document.addEventListener('submit', (event) => {
  const question = event.target.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
