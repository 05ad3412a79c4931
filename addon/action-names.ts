/**
 * The names of the global functions that card buttons call back. Apps Script
 * finds a callback by name in the bundle's top level, so each of these must be
 * exported from main.ts; a test checks the built bundle.
 */
export const ActionName = {
  createLink: 'onCreateLink',
  insertIntoDraft: 'onInsertIntoDraft',
  openTimeline: 'onOpenTimeline',
  refreshTimeline: 'onRefreshTimeline',
  showPixelUrl: 'onShowPixelUrl',
  confirmDeleteLink: 'onConfirmDeleteLink',
  deleteLink: 'onDeleteLink',
  refreshHome: 'onRefreshHome',
  moreLinks: 'onMoreLinks',
  confirmDeleteAll: 'onConfirmDeleteAll',
  deleteAll: 'onDeleteAll',
  setRetention: 'onSetRetention',
  setRecipientOptOut: 'onSetRecipientOptOut',
  exportData: 'onExportData',
} as const;

export type ActionName = (typeof ActionName)[keyof typeof ActionName];
