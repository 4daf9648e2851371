// xhr2 ships no types: it is the browser's XMLHttpRequest for Node, which botframework-directlinejs needs.
declare module 'xhr2' {
  const XMLHttpRequest: unknown;
  export default XMLHttpRequest;
}
