/** Dialog ids, one place, so dialogs and tests refer to the same constants. */
export const MAIN_DIALOG = 'mainDialog';
export const MAIN_WATERFALL = 'mainWaterfall';
