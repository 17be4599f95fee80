// The menu actions are defined in core/api beside the channel list; kept here for the preload's import.
export { MENU_ACTIONS, isMenuAction, type MenuAction } from '../../core/api/menu-actions';
