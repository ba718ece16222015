// Key Vault for the application's secrets: the SendGrid API key, the HMAC keys of the person
// index and of the timeline's chain, and the key-encryption key of the personal data at rest
// (contract §12; docs/storage.md). RBAC authorisation only (no access policies); soft delete and purge protection so a
// deleted key cannot be lost or silently replaced. Audit events go to Log Analytics.

@description('Key Vault name (3-24 characters).')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Log Analytics workspace that receives the vault\'s audit log.')
param logAnalyticsWorkspaceId string

@description('Prevent purging deleted secrets during the retention period (cannot be switched off once on).')
param enablePurgeProtection bool

@secure()
@description('SendGrid API key. Empty: leave the secret as it is (set it later with `azd env set SENDGRID_API_KEY` and `azd provision`).')
param sendGridApiKey string

@secure()
@description('HMAC key of the person index (Tables:IndexKey). Must stay the same across deployments.')
param tablesIndexKey string

@secure()
@description('HMAC key of the timeline\'s chain (DataProtection:TimelineKey). Must stay the same across deployments.')
param timelineKey string

@description('Secret name of the timeline-chain HMAC key.')
param timelineKeySecretName string

@description('Name of the key-encryption key that wraps each case\'s data key (DataProtection:KeyUri).')
param dataProtectionKeyName string

@description('Secret name of the SendGrid API key.')
param sendGridApiKeySecretName string

@description('Secret name of the person-index HMAC key.')
param tablesIndexKeySecretName string

@secure()
@description('The key machines read cases and the figures with (Api:FunctionKey).')
param apiFunctionKey string

@description('Secret name of the machines\' read key.')
param apiFunctionKeySecretName string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    // Flex Consumption without a virtual network resolves Key Vault references over the public
    // endpoint; docs/deploy.md describes the private-endpoint variant.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: sendGridApiKeySecretName
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

resource tablesIndexKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: tablesIndexKeySecretName
  properties: {
    value: tablesIndexKey
    contentType: 'text/plain'
  }
}

resource apiFunctionKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: apiFunctionKeySecretName
  properties: {
    value: apiFunctionKey
    contentType: 'text/plain'
  }
}

resource timelineKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: timelineKeySecretName
  properties: {
    value: timelineKey
    contentType: 'text/plain'
  }
}

// Contract §12: the key-encryption key. RSA 3072 for wrap/unwrap only; it never leaves the vault.
// Rotated yearly by the vault itself: a new version wraps new data keys, older versions stay enabled
// to unwrap what they wrapped, and the app re-wraps data keys without rewriting any data
// (docs/storage.md). Deleting it (or a case's wrapped key) makes the data unreadable, backups included;
// soft delete and purge protection keep that from happening by accident.
resource dataProtectionKey 'Microsoft.KeyVault/vaults/keys@2024-11-01' = {
  parent: vault
  name: dataProtectionKeyName
  properties: {
    kty: 'RSA'
    keySize: 3072
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
    rotationPolicy: {
      attributes: {
        expiryTime: 'P2Y'
      }
      lifetimeActions: [
        {
          trigger: {
            timeAfterCreate: 'P1Y'
          }
          action: {
            type: 'rotate'
          }
        }
        {
          trigger: {
            timeBeforeExpiry: 'P30D'
          }
          action: {
            type: 'notify'
          }
        }
      ]
    }
  }
}

resource auditLog 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

output name string = vault.name
output vaultUri string = vault.properties.vaultUri
