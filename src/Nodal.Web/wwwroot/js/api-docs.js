// The API reference page is in English; tell assistive technology so.
document.documentElement.lang = 'en';
export default {}
