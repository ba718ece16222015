// SA028 "Sexting" referral workflow: one `azd up` creates everything below in a force's own
// subscription, secure from the first deployment (docs/deploy.md).
//
//   rg-<env>
//   ├── id-<token>      user-assigned identity + data-plane roles (modules/identity.bicep)
//   ├── st<token>       storage: case tables, Durable Task hub, deployment package (modules/storage.bicep)
//   ├── kv-<token>      Key Vault: SendGrid key, person-index key (modules/keyvault.bicep)
//   ├── log-/appi-      Log Analytics + Application Insights (modules/monitoring.bicep)
//   └── plan-/func-     Flex Consumption plan + Function App, staff sign-in with Entra ID (modules/functionapp.bicep)

targetScope = 'subscription'

import { forceContacts, workflowSettings } from 'modules/types.bicep'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds resource names.')
param environmentName string

@minLength(1)
@description('Azure region for every resource (UK South keeps the data in the UK).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of whoever runs `azd provision` (azd sets AZURE_PRINCIPAL_ID); empty for none.')
param principalId string = ''

@description('Type of that principal.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Absolute base of every link in an email (a custom domain if the force has one); empty for the Function App\'s own host name.')
param publicBaseUrl string = ''

@description('Email:From, a sender address verified in the force\'s SendGrid account.')
param emailFrom string

@description('Email:OutboxPath, only used if Email:Mode is switched to Outbox for a dry run.')
param emailOutboxPath string = '/tmp/outbox'

@description('SendGrid:Host (SendGrid\'s own API unless a force routes through a relay).')
param sendGridHost string = 'https://api.sendgrid.com'

@secure()
@description('SendGrid API key with Mail Send permission only. Empty keeps the secret already in Key Vault.')
param sendGridApiKey string = ''

@secure()
@description('HMAC key of the person index (Tables:IndexKey). azd reads it back from Key Vault on every run; changing it breaks repeat-referral matching (§3.4.6).')
param tablesIndexKey string

@secure()
@description('The key machines read cases and the figures with (Api:FunctionKey, contract §3, §8); those routes admit signed-in staff too, so the app checks it rather than the Functions host. azd generates it once and reads it back from Key Vault.')
param apiFunctionKey string

@secure()
@description('HMAC key of the timeline\'s chain (DataProtection:TimelineKey, contract §12). azd reads it back from Key Vault on every run; changing it makes every existing timeline fail verification.')
param timelineKey string

@description('Devon and Cornwall Police mailboxes (Forces:DevonAndCornwall:*).')
param devonAndCornwall forceContacts

@description('Dorset Police mailboxes (Forces:Dorset:*).')
param dorset forceContacts

@description('Approval, education, reminder and policy settings (contract §1).')
param workflow workflowSettings = {
  approvalReminderAfter: '1.00:00:00'
  approvalEscalateAfter: '2.00:00:00'
  approvalLinkLifetime: '7.00:00:00'
  educationDueAfter: '28.00:00:00'
  remindersSchedule: '0 0 7 * * *'
  policyNextReviewDate: '2020-03-13'
  policyOwnerEmail: 'prevention@alliance.police.example'
  significantAgeGapYears: 3
  intakePermitsPerMinute: 10
  trustedReporterDomains: 'sch.uk'
  reporterConfirmWithin: '3.00:00:00'
  retentionClosedCaseAfter: '2190.00:00:00'
  retentionUnconfirmedAfter: '30.00:00:00'
  retentionSchedule: '0 30 2 * * *'
}

@description('Application (client) id of the staff sign-in app registration (infra/scripts/create-app-registration.sh); empty deploys App Service Authentication switched off, so nobody can sign in and every staff route refuses (docs/deploy.md).')
param authClientId string = ''

@description('Microsoft Entra tenant of that app registration; empty for the tenant of the subscription (azd\'s AZURE_TENANT_ID).')
param authTenantId string = ''

@description('Instance memory of the Flex Consumption plan, MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound on Function App instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready HTTP instances (0 scales to zero).')
@minValue(0)
@maxValue(10)
param alwaysReadyHttpInstances int = 0

@description('Days logs are kept in Log Analytics.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 90

@description('Daily Log Analytics ingestion cap in GB (-1 for none).')
param logDailyQuotaGb int = 1

@description('Require Microsoft Entra ID for telemetry ingestion (the worker must send with the managed identity).')
param appInsightsDisableLocalAuth bool = true

@description('Who is told when a referral\'s workflow step stalls (docs/monitoring.md); empty for the alert rule alone.')
param alertEmail string = ''

@description('Key Vault purge protection (irreversible once on; switch off only for throwaway test environments).')
param keyVaultPurgeProtection bool = true

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  workload: 'sa028-ypsi'
  'data-classification': 'official-sensitive'
}
var functionAppName = 'func-${resourceToken}'
// Names known before deployment, so what-if can predict the role assignments that use them.
var storageAccountName = 'st${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'
var sendGridApiKeySecretName = 'SendGrid--ApiKey'
var tablesIndexKeySecretName = 'Tables--IndexKey'
var apiFunctionKeySecretName = 'Api--FunctionKey'
var timelineKeySecretName = 'DataProtection--TimelineKey'
// Contract §12: the key-encryption key of the personal data at rest.
var dataProtectionKeyName = 'case-data-kek'

resource rg 'Microsoft.Resources/resourceGroups@2024-11-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
    dailyQuotaGb: logDailyQuotaGb
    disableLocalAuth: appInsightsDisableLocalAuth
    resourceToken: resourceToken
    alertEmail: alertEmail
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    deleteRetentionDays: 14
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    enablePurgeProtection: keyVaultPurgeProtection
    sendGridApiKey: sendGridApiKey
    tablesIndexKey: tablesIndexKey
    apiFunctionKey: apiFunctionKey
    sendGridApiKeySecretName: sendGridApiKeySecretName
    tablesIndexKeySecretName: tablesIndexKeySecretName
    apiFunctionKeySecretName: apiFunctionKeySecretName
    timelineKey: timelineKey
    timelineKeySecretName: timelineKeySecretName
    dataProtectionKeyName: dataProtectionKeyName
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    dataProtectionKeyName: dataProtectionKeyName
    applicationInsightsName: applicationInsightsName
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
  // The roles are assigned on these resources, which the names alone do not order.
  dependsOn: [
    storage
    keyVault
    monitoring
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUri: keyVault.outputs.vaultUri
    sendGridApiKeySecretName: sendGridApiKeySecretName
    tablesIndexKeySecretName: tablesIndexKeySecretName
    apiFunctionKeySecretName: apiFunctionKeySecretName
    timelineKeySecretName: timelineKeySecretName
    dataProtectionKeyName: dataProtectionKeyName
    publicBaseUrl: publicBaseUrl
    emailFrom: emailFrom
    emailOutboxPath: emailOutboxPath
    sendGridHost: sendGridHost
    devonAndCornwall: devonAndCornwall
    dorset: dorset
    workflow: workflow
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    authClientId: authClientId
    authTenantId: authTenantId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.uri
// infra/scripts/create-app-registration.sh reads these back to finish the app registration after a
// provision: the sign-in redirect URI and the federated credential that replaces a client secret.
output SERVICE_API_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output AUTH_ENABLED bool = !empty(authClientId)
