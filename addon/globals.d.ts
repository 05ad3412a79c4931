// The add-on runs in Apps Script, whose services are globals.
/// <reference types="google-apps-script" />
